import { CardParseError } from './card-parse-error';
import { fromCharacterCard } from './from-character-card';
import { sillyTavernV2Card, v1Card } from './fixtures/sillytavern-v2-card';
import type { PersonaCardFields } from './persona-card-fields';
import { toCharacterCardV2 } from './to-character-card';

const lin: PersonaCardFields = {
  name: '林小雨',
  age: 27,
  gender: 'female',
  relationshipContext: 'dating 3 months',
  description: 'Product designer in Shanghai. Grew up by the sea in Xiamen.\nHates being late.',
  interests: ['hot pot', 'Monet', 'cats'],
  values: ['honesty', 'family'],
  goals: ['move to the coast'],
  dealbreakers: ['smoking'],
  personalitySummary: 'Warm and playful, anxious when plans change at the last minute.',
  speakingSamples: ['宝贝晚安🌙', '那你中午记得吃饭哦～', 'line one\nline two', '{{user}}: this is quoted, not a turn', '  padded  '],
  greeting: '早呀，今天上班累不累',
};

const bare: PersonaCardFields = {
  name: 'Sam',
  age: null,
  gender: null,
  relationshipContext: null,
  description: '',
  interests: [],
  values: [],
  goals: [],
  dealbreakers: [],
  personalitySummary: null,
  speakingSamples: [],
  greeting: null,
};

/** Runs an import and returns the CardParseError it throws. */
function parseError(input: unknown): CardParseError {
  try {
    fromCharacterCard(input);
  } catch (err) {
    if (err instanceof CardParseError) return err;
    throw err;
  }
  throw new Error('expected CardParseError');
}

describe('Character Card V2 export', () => {
  const card = toCharacterCardV2(lin, { creator: 'soullink-user' });

  it('When a persona is exported, Then the card has the V2 envelope and every V2 field', () => {
    expect(card).toMatchObject({ spec: 'chara_card_v2', spec_version: '2.0' });
    expect(Object.keys(card.data).sort()).toEqual(
      [
        'alternate_greetings',
        'character_version',
        'creator',
        'creator_notes',
        'description',
        'extensions',
        'first_mes',
        'mes_example',
        'name',
        'personality',
        'post_history_instructions',
        'scenario',
        'system_prompt',
        'tags',
      ].sort(),
    );
    expect(card.data.creator).toBe('soullink-user');
    expect(card.data.first_mes).toBe('早呀，今天上班累不累');
    expect(card.data.personality).toBe(lin.personalitySummary);
  });

  it('When other tools read the card, Then the facts and relationship show in description and scenario', () => {
    expect(card.data.description).toBe(
      `${lin.description}\n\nAge: 27\nGender: female\nRelationship with {{user}}: dating 3 months\n` +
        'Interests: hot pot, Monet, cats\nValues: honesty, family\nGoals: move to the coast\nDealbreakers: smoking',
    );
    expect(card.data.scenario).toBe('{{char}} and {{user}} are in a relationship: dating 3 months.');
  });

  it('When speaking samples are exported, Then each is a <START> block spoken by {{char}}', () => {
    expect(card.data.mes_example.startsWith('<START>\n{{char}}: 宝贝晚安🌙\n<START>\n{{char}}: 那你中午记得吃饭哦～\n')).toBe(true);
  });
});

describe('Character Card round trip', () => {
  it.each([
    ['a full persona', lin],
    ['a persona with nothing but a name', bare],
  ])('When %s goes to a card (as JSON text) and back, Then nothing is lost', (_, persona) => {
    const json = JSON.stringify(toCharacterCardV2(persona));
    expect(fromCharacterCard(json)).toEqual(persona);
    expect(fromCharacterCard(JSON.parse(json))).toEqual(persona);
  });

  it('When another tool renamed the card, Then the new name is imported', () => {
    const card = toCharacterCardV2(lin);
    card.data.name = 'Xiaoyu';
    expect(fromCharacterCard(card)).toEqual({ ...lin, name: 'Xiaoyu' });
  });

  it('When another tool edited the description, Then the edit wins and the facts block is not duplicated', () => {
    const card = toCharacterCardV2(lin);
    card.data.description = card.data.description.replace('Hates being late.', 'Never late. {{char}} is always early.');
    const imported = fromCharacterCard(card);
    expect(imported.description).toBe(
      'Product designer in Shanghai. Grew up by the sea in Xiamen.\nNever late. 林小雨 is always early.',
    );
    expect(imported).toMatchObject({ age: 27, values: ['honesty', 'family'], dealbreakers: ['smoking'] });
  });

  it('When another tool edited greeting, personality and examples, Then those edits are imported', () => {
    const card = toCharacterCardV2(lin);
    card.data.first_mes = '周末去看展吗？';
    card.data.personality = '';
    card.data.mes_example = '<START>\n{{user}}: 在干嘛\n{{char}}: 在想你呀～';
    expect(fromCharacterCard(card)).toMatchObject({
      greeting: '周末去看展吗？',
      personalitySummary: null,
      speakingSamples: ['在想你呀～'],
      description: lin.description,
    });
  });
});

describe('Character Card import from other tools', () => {
  it('When a SillyTavern V2 card has no SoulLink extension, Then its standard fields fill the persona', () => {
    expect(fromCharacterCard(sillyTavernV2Card)).toEqual({
      name: 'Aiko',
      age: null,
      gender: null,
      relationshipContext: null,
      description:
        'Aiko is a 24-year-old barista at a small café in Kyoto. She studies illustration at night and sketches customers when the shop is quiet.' +
        '\n\nScenario: {{user}} is a regular at the café where Aiko works.',
      interests: [],
      values: [],
      goals: [],
      dealbreakers: [],
      personalitySummary: 'cheerful, teasing, secretly shy, stubborn about coffee',
      speakingSamples: [
        'Busy! We ran out of oat milk by noon, can you believe it?',
        'Honestly? I love it.\nThe regulars are the best part.',
        '*laughs* Especially you.',
      ],
      greeting: '*Aiko looks up from the espresso machine and grins.* "The usual, {{user}}?"',
    });
  });

  it('When root and data disagree in a V2 card, Then data wins, as the spec says', () => {
    const card = { ...sillyTavernV2Card, name: 'Old root name' };
    expect(fromCharacterCard(card).name).toBe('Aiko');
  });

  it('When a V1 card is imported, Then its flat fields are read and <BOT>/<USER> are resolved', () => {
    expect(fromCharacterCard(v1Card)).toMatchObject({
      name: 'Marcus',
      description: 'Marcus is a retired firefighter who runs a bike repair shop.',
      personalitySummary: 'calm, dry humour, protective',
      speakingSamples: ['Give me twenty minutes and a coffee.'],
      greeting: 'Chain slipping again, {{user}}?',
    });
  });

  it('When a V2 card leaves out optional-in-practice fields, Then they read as empty', () => {
    expect(
      fromCharacterCard({ spec: 'chara_card_v2', spec_version: '2.0', data: { name: 'Min', description: 'A cat person.' } }),
    ).toEqual({ ...bare, name: 'Min', description: 'A cat person.' });
  });

  it('When card text carries control characters, Then they are stripped', () => {
    expect(fromCharacterCard({ ...v1Card, description: 'Calm\u0007 and kind\u0000.' }).description).toBe('Calm and kind.');
  });

  it('When examples exceed fifty lines, Then the first fifty become samples', () => {
    const mes_example = Array.from({ length: 60 }, (_, i) => `<START>\n{{char}}: line ${i}`).join('\n');
    expect(fromCharacterCard({ ...v1Card, mes_example }).speakingSamples).toHaveLength(50);
  });
});

describe('Character Card validation', () => {
  const soullinkOf = (p: PersonaCardFields) => toCharacterCardV2(p).data.extensions.soullink as object;
  const v2 = (data: Record<string, unknown>) => ({ spec: 'chara_card_v2', spec_version: '2.0', data: { name: 'Aiko', ...data } });

  it.each([
    ['a name that is not text', 'data.name', v2({ name: 42 })],
    ['an empty name', 'data.name', v2({ name: '   ' })],
    ['a name over 80 characters', 'data.name', v2({ name: 'x'.repeat(81) })],
    ['a description over 20k characters', 'data.description', v2({ description: 'x'.repeat(20_001) })],
    ['a greeting list with a number in it', 'data.alternate_greetings.2', v2({ alternate_greetings: ['hi', 'hey', 7] })],
    ['tags that are not a list', 'data.tags', v2({ tags: 'romance' })],
    ['a lorebook entry without keys', 'data.character_book.entries.0.keys', v2({ character_book: { entries: [{ content: 'x' }] } })],
    ['an unknown spec', 'spec', { spec: 'chara_card_v9', data: { name: 'Aiko' } }],
    ['a V1 card without a name', 'name', { description: 'nameless' }],
    ['a SoulLink age in words', 'data.extensions.soullink.age', v2({ extensions: { soullink: { ...soullinkOf(lin), age: 'twenty' } } })],
    [
      'more than fifty SoulLink samples',
      'data.extensions.soullink.speakingSamples',
      v2({ extensions: { soullink: { ...soullinkOf(lin), speakingSamples: Array(51).fill('hi') } } }),
    ],
    ['a list instead of an object', '(root)', [v1Card]],
    ['null', '(root)', null],
    ['text that is not JSON', '(root)', '{"name": "Aiko"'],
  ])('When a card has %s, Then import fails naming %s', (_, path, input) => {
    const error = parseError(input);
    expect(error.path).toBe(path);
    expect(error.reason).not.toBe('');
    expect(error.message).toContain(path);
  });

  it('When a card fails, Then the error surfaces as VALIDATION_FAILED with the path as field', () => {
    const error = parseError(v2({ name: 42 }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'data.name' }, name: 'CardParseError' });
    expect(error.reason).toMatch(/string/i);
  });

  it('When a description and scenario together exceed the limit, Then import fails at the scenario', () => {
    expect(parseError(v2({ description: 'x'.repeat(15_000), scenario: 'y'.repeat(6_000) })).path).toBe('data.scenario');
  });
});
