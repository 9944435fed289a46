import type { SimPersona } from '../configuration';
import { leakIn } from '../nodes/without-leaks';
import { userTurnPrompt } from './user-turn-prompt';

const SELF: SimPersona = {
  id: 'p-self',
  name: 'Alex',
  age: 29,
  gender: 'man',
  relationshipContext: null,
  description: 'Product designer in Shanghai. Plans ahead, a little anxious about money, loves cooking for friends.',
  interests: ['cooking', 'cycling', 'board games'],
  values: ['honesty', 'stability', 'family'],
  profileSummary: 'Careful and warm; reassures before he asks for anything.',
  styleSummary: '- messages are usually about 35 characters (rarely over 60)\n- almost never uses emoji\n- asks a question in 48% of messages',
  samples: ['Poor you. Want me to bring congee later?', "No pressure, whenever you're ready", 'Deal. Are we still on for hiking Saturday?'],
  goals: ['move in together within a year'],
  dealbreakers: ['lying'],
};
const PARTNER: SimPersona = { ...SELF, id: 'p-mei', name: 'Mei', age: 27, gender: 'woman', relationshipContext: 'dating 3 months', description: 'Nurse on rotating shifts.', profileSummary: null, styleSummary: null, samples: ['才睡了四个小时 😩'] };
const SCENE = 'Scene: Splitting rent. Alex and Mei are about to move in together.\nSetting: the evening after viewing a flat.\nWhat is at stake: whether fifty-fifty is fair.\nTension: 3 on a scale of 1 to 5.';

describe('userTurnPrompt (the user-proxy plays the SELF persona in full)', () => {
  const prompt = userTurnPrompt(SELF, PARTNER, SCENE, 'Propose splitting costs by income.');

  it('When the SELF persona has a measured style and real messages, Then the user-proxy is given both, as the partner is', () => {
    expect(prompt).toContain('messages are usually about 35 characters');
    expect(prompt).toContain('asks a question in 48% of messages');
    expect(prompt).toContain('“Poor you. Want me to bring congee later?”');
    expect(prompt).toContain('Careful and warm');
  });

  it('When built, Then it is a few plain lines with no persona-sheet labels for a small model to recite, and only its own goal', () => {
    expect(prompt).not.toMatch(/About you|^Age:|Personality|^Scene:|^Setting:|^Tension:/m);
    expect(prompt).toContain('Propose splitting costs by income.');
    expect(prompt.split('\n').length).toBeLessThanOrEqual(9);
    // The persona lines themselves carry no label the leak detector would flag.
    expect(leakIn(prompt.split('\n')[0]!, '')).toBeNull();
  });

  it('When the other side is a persona, Then the user-proxy knows who it is texting and how they are together', () => {
    expect(prompt).toContain('You are texting Mei (27, woman), dating 3 months.');
    expect(prompt).not.toContain('才睡了四个小时');
  });

  it('When nothing was imported for the SELF persona, Then the prompt simply has no style or samples line', () => {
    const bare = userTurnPrompt({ ...SELF, styleSummary: null, samples: [], profileSummary: null }, 'Mei', SCENE, 'Goal.');
    expect(bare).not.toMatch(/texting style|Texts you have sent|no messages imported|\(none\)/);
  });

  it('When a small local model plays, Then the prompt has no [END] instruction (it became the topic of the chat); a larger model gets it', () => {
    expect(prompt).toContain('[END]');
    const small = userTurnPrompt(SELF, PARTNER, SCENE, 'Propose splitting costs by income.', { smallModel: true });
    expect(small).not.toMatch(/\[END\]|chat is over/);
    expect(small.trimEnd()).toMatch(/in your own words\.$/);
  });
});
