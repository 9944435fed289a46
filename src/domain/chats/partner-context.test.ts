import { Persona, PersonaKind } from '../personas/persona.entity';
import { partnerSystemPrompt } from './partner-context';

const persona = (fields: Partial<Persona>): Persona => Object.assign(new Persona(), fields);

const MEI = persona({ kind: PersonaKind.PARTNER, name: 'Mei', age: 27, gender: 'woman', relationshipContext: 'dating 3 months', description: 'Nurse on rotating shifts.' });
const STYLE = {
  messageCount: 45,
  length: { medianChars: 28, p90Chars: 55 },
  emoji: { perMessage: 1.2, top: [{ emoji: '😩' }, { emoji: '🥹' }] },
  questionRate: 0.2,
  samples: ["才睡了四个小时 😩 but I'm alive haha"],
};

describe('partnerSystemPrompt (live chat)', () => {
  it('When the user has a SELF persona, Then the partner is told who the user is from it', () => {
    const self = persona({ kind: PersonaKind.SELF, name: 'Alex', age: 29, gender: 'man', description: 'Product designer in Shanghai; loves cooking.' });
    const prompt = partnerSystemPrompt(MEI, null, 'Alex', undefined, STYLE, self);
    expect(prompt).toContain('You are texting Alex (29, man), dating 3 months. Product designer in Shanghai; loves cooking.');
  });

  it('When the user has none, Then the partner only knows their name', () => {
    const prompt = partnerSystemPrompt(MEI, null, 'Alex', undefined, STYLE, null);
    expect(prompt).toContain('You are chatting with Alex.');
    expect(prompt).not.toContain('Product designer');
  });

  it('When messages were imported, Then the measured style and the real samples are in the prompt', () => {
    const prompt = partnerSystemPrompt(MEI, null, 'Alex', undefined, STYLE, null);
    expect(prompt).toContain('messages are usually about 28 characters');
    expect(prompt).toContain("“才睡了四个小时 😩 but I'm alive haha”");
  });
});
