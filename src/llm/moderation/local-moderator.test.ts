import { DEFAULT_THRESHOLDS, LocalModerator } from './local-moderator';
import { rule } from './pattern-rule';

describe('LocalModerator', () => {
  const moderator = new LocalModerator();

  it('When text is ordinary, Then it is allowed with no scores', async () => {
    await expect(moderator.moderate('Good morning! Did you sleep well?', 'input')).resolves.toEqual({
      flagged: false,
      categories: [],
      scores: {},
      action: 'allow',
    });
  });

  it('When text is empty, Then it is allowed', () => {
    expect(moderator.classify('', 'input').action).toBe('allow');
  });

  it('When a user states self-harm intent, Then the action is support, not block', () => {
    const verdict = moderator.classify('I want to kill myself', 'input');
    expect(verdict).toMatchObject({ flagged: true, action: 'support' });
    expect(verdict.categories[0]).toBe('self-harm/intent');
  });

  it('When self-harm comes with violence ("shoot myself"), Then support still wins', () => {
    const verdict = new LocalModerator({
      rules: [
        rule('test.violence', 'violence', 0.9, /shoot/),
        rule('test.intent', 'self-harm/intent', 0.6, /myself/),
      ],
    }).classify('i want to shoot myself', 'input');
    expect(verdict.categories).toEqual(['violence', 'self-harm/intent']);
    expect(verdict.action).toBe('support');
  });

  it('When several categories are flagged, Then the highest score comes first', () => {
    const verdict = moderator.classify('I will kill you, you worthless bitch', 'input');
    expect(verdict.categories[0]).toBe('harassment/threatening');
    expect(verdict.categories).toContain('harassment');
    expect(verdict.action).toBe('block');
  });

  it('When a statement is negated, Then it weighs a quarter and is not flagged', () => {
    expect(moderator.classify("I don't want to die", 'input').action).toBe('allow');
    expect(moderator.classify('我不想自杀', 'input').action).toBe('allow');
    expect(moderator.explain("I don't want to die")[0]).toMatchObject({ ruleId: 'en.want-to-die', negated: true, weight: 0.2 });
  });

  it('When something unrelated sits between a negation and the statement, Then it is not negated', () => {
    expect(moderator.classify("I don't know why, but I want to die", 'input').action).toBe('support');
  });

  it('When a threat comes with "lol", Then banter halves it below the threshold', () => {
    expect(moderator.classify("I'm going to kill you", 'input').action).toBe('block');
    expect(moderator.classify("I'm going to kill you lol", 'input').action).toBe('allow');
  });

  it('When self-harm or a slur comes with "lol", Then banter does not soften it', () => {
    expect(moderator.classify('i want to kill myself lol', 'input').action).toBe('support');
    expect(moderator.classify('lol you n1gger', 'input').action).toBe('block');
  });

  it('When strong words of an argument pile up into abuse, Then they cross the threshold together', () => {
    expect(moderator.classify('fuck you', 'input').action).toBe('allow');
    expect(moderator.classify('fuck you, you stupid bitch', 'input').action).toBe('block');
  });

  it('When a threshold is raised above 1, Then that category is never flagged', () => {
    const lenient = new LocalModerator({ thresholds: { sexual: 1.01 } });
    expect(moderator.classify('suck my cock', 'input').action).toBe('block');
    const verdict = lenient.classify('suck my cock', 'input');
    expect(verdict.action).toBe('allow');
    expect(verdict.scores.sexual).toBeGreaterThan(0.8);
  });

  it('When output thresholds are stricter, Then the same text passes as input and is blocked as output', () => {
    const strict = new LocalModerator({ outputThresholds: { sexual: 0.3 } });
    expect(strict.classify("let's have sex tonight", 'input').action).toBe('allow');
    expect(strict.classify("let's have sex tonight", 'output').action).toBe('block');
  });

  it('When no thresholds are given, Then the documented defaults apply', () => {
    expect(DEFAULT_THRESHOLDS['self-harm/intent']).toBeLessThan(DEFAULT_THRESHOLDS.harassment);
    expect(DEFAULT_THRESHOLDS['sexual/minors']).toBeLessThan(DEFAULT_THRESHOLDS.sexual);
  });

  it('When a verdict is explained, Then each rule that fired is listed once, strongest first', () => {
    const hits = moderator.explain('k1ll myself, kill myself, I want to kill myself');
    expect(hits.map((hit) => hit.ruleId)).toEqual(['en.plan-kill-myself', 'en.kill-myself']);
    expect(hits[0]).toMatchObject({ category: 'self-harm/intent', weight: 0.9, negated: false });
  });

  it('When a message is very long, Then it is still moderated, to the end, in well under a second', () => {
    const long = `${'I love you and I miss you. '.repeat(4000)}我想自杀`;
    const started = performance.now();
    expect(moderator.classify(long, 'input').action).toBe('support');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
