import { AttachmentStyle, LoveLanguage, PersonaTraitsType } from './persona-profile-traits.type';

const trait = (score: number) => ({ score, confidence: 0.6, citations: ['t-1'] });

describe('PersonaTraitsType.from', () => {
  it('When the stored profile has the analysis schema’s shape, Then every part is typed and the model’s labels become enum values', () => {
    const traits = PersonaTraitsType.from({
      summary: 'Warm and playful.',
      bigFive: { openness: trait(0.7), conscientiousness: trait(0.5), extraversion: trait(0.8), agreeableness: trait(0.75), neuroticism: trait(0.4) },
      attachmentStyle: { style: 'fearful-avoidant', confidence: 0.5, citations: ['t-2'] },
      loveLanguages: [
        { language: 'acts-of-service', weight: 0.3, citations: [] },
        { language: 'quality-time', weight: 0.7, citations: ['t-3'] },
      ],
      communicationStyle: { summary: 'Short and teasing', directness: 0.6, warmth: 0.9, humor: 0.8, citations: [] },
      conflictStyle: { criticism: 0.2, contempt: 0.05, defensiveness: 0.3, stonewalling: 0.1, repairHabits: [{ habit: 'jokes', citations: ['t-4'] }], citations: [] },
      values: [{ value: 'family', citations: [] }],
      interests: [{ interest: 'hotpot', citations: ['t-5'] }],
      greenFlags: [{ flag: 'checks in daily', citations: [] }],
      redFlags: [],
    });
    expect(traits.attachmentStyle).toEqual({ style: AttachmentStyle.FEARFUL_AVOIDANT, confidence: 0.5, citations: ['t-2'] });
    expect(traits.loveLanguages.map((l) => l.language)).toEqual([LoveLanguage.QUALITY_TIME, LoveLanguage.ACTS_OF_SERVICE]);
    expect(traits.bigFive?.neuroticism).toEqual({ score: 0.4, confidence: 0.6, citations: ['t-1'] });
    expect(traits.conflictStyle?.repairHabits).toEqual([{ text: 'jokes', citations: ['t-4'] }]);
    expect(traits.interests).toEqual([{ text: 'hotpot', citations: ['t-5'] }]);
    expect(traits.redFlags).toEqual([]);
  });

  it('When a model left parts out or answered off-schema, Then those parts are null or dropped and the rest is kept', () => {
    const traits = PersonaTraitsType.from({
      summary: 42,
      bigFive: { openness: trait(0.7), extraversion: { score: 'high' } },
      attachmentStyle: { style: 'clingy', confidence: 0.9, citations: [] },
      loveLanguages: [{ language: 'cooking', weight: 0.9 }, { language: 'PHYSICAL_TOUCH', weight: 0.4, citations: [7, 't-9'] }],
      communicationStyle: { summary: 'x', directness: 0.5 },
      values: 'family',
    });
    expect(traits.summary).toBe('');
    expect(traits.bigFive).toMatchObject({ openness: { score: 0.7 }, extraversion: null, neuroticism: null });
    expect(traits.attachmentStyle).toBeNull();
    expect(traits.loveLanguages).toEqual([{ language: LoveLanguage.PHYSICAL_TOUCH, weight: 0.4, citations: ['t-9'] }]);
    expect(traits.communicationStyle).toBeNull();
    expect(traits.conflictStyle).toBeNull();
    expect(traits.values).toEqual([]);
  });
});
