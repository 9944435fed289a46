import type { SimPersona } from '../simulation/configuration';
import { buildPartnerPrompt } from './build-partner-prompt';
import { partnerTurnPrompt } from './partner-turn-prompt';

const MEI: SimPersona = {
  id: 'p-mei',
  name: 'Mei',
  age: 27,
  gender: 'woman',
  relationshipContext: 'dating 3 months',
  description: 'Nurse on rotating shifts. Warm, teasing, spontaneous.',
  interests: ['hiking', 'hotpot'],
  values: ['family', 'freedom'],
  profileSummary: null,
  // As run-simulation fills it from the style fingerprint of 45 imported messages.
  styleSummary: '- messages are usually about 30 characters (rarely over 55)\n- about 1.2 emoji per message, mostly 😩 🥹 😅\n- writes in en 60%, zh 40%',
  samples: ["才睡了四个小时 😩 but I'm alive haha", '哈哈哈 you know me too well 🍲'],
  goals: [],
  dealbreakers: [],
};

describe('partnerTurnPrompt (the partner in a simulation)', () => {
  it('When the partner’s messages were imported, Then the simulation prompt carries the measured style and the real samples — not "(no messages imported)"', () => {
    const prompt = partnerTurnPrompt(MEI, 'Alex', 'Scene: Rent. They talk.', 'Keep everything fifty-fifty.');
    expect(prompt).toContain('about 1.2 emoji per message, mostly 😩 🥹 😅');
    expect(prompt).toContain('writes in en 60%, zh 40%');
    expect(prompt).toContain("“才睡了四个小时 😩 but I'm alive haha”");
    expect(prompt).not.toContain('no messages imported');
    expect(prompt).toContain('Keep everything fifty-fifty.');
  });

  it('When the live chat builds the partner’s prompt, Then it is the same persona in a few plain lines, with no labelled sheet', () => {
    const prompt = buildPartnerPrompt({ ...MEI, styleSummary: MEI.styleSummary ?? null });
    expect(prompt).toContain('You are Mei (27, woman). Nurse on rotating shifts.');
    expect(prompt).toContain('Your texting style:');
    expect(prompt).not.toMatch(/About you:|Personality and relationship habits:|How you write:/);
  });
});
