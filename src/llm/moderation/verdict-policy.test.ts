import { verdictFrom } from './verdict-policy';

describe('verdictFrom', () => {
  it('When nothing is flagged, Then the action is allow and the scores are kept', () => {
    expect(verdictFrom([], { violence: 0.2 })).toEqual({
      flagged: false,
      categories: [],
      scores: { violence: 0.2 },
      action: 'allow',
    });
  });

  it('When only non-self-harm categories are flagged, Then the action is block', () => {
    expect(verdictFrom(['hate'], { hate: 0.9 }).action).toBe('block');
  });

  it.each(['self-harm', 'self-harm/intent', 'self-harm/instructions'] as const)(
    'When %s is flagged next to a higher-scoring category, Then the action is support',
    (selfHarm) => {
      const verdict = verdictFrom(['violence', selfHarm], { violence: 0.95, [selfHarm]: 0.6 });
      expect(verdict.action).toBe('support');
      expect(verdict.categories).toEqual(['violence', selfHarm]);
    },
  );

  it('When categories tie or repeat, Then they are listed once, in OpenAI\'s order', () => {
    expect(verdictFrom(['violence', 'sexual', 'violence'], {}).categories).toEqual(['sexual', 'violence']);
  });
});
