import { brierScore, brierSkill, logLoss } from './probability-scores';

describe('probability scores', () => {
  it('When scored like scikit-learn’s brier_score_loss example, Then it gives the documented 0.0375', () => {
    // sklearn.metrics.brier_score_loss docs: y = [0, 1, 1, 0], p = [0.1, 0.9, 0.8, 0.3] → 0.0375.
    expect(brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0])).toBeCloseTo(0.0375, 12);
  });

  it('When scored like scikit-learn’s log_loss example, Then it gives the documented 0.21616', () => {
    // sklearn.metrics.log_loss docs: ["spam", "ham", "ham", "spam"] with P(spam) = .9, .1, .2, .65
    // (ham sorts first, so spam is class 1) → 0.21616...
    expect(logLoss([0.9, 0.1, 0.2, 0.65], [1, 0, 0, 1])).toBeCloseTo(0.21616, 5);
  });

  it('When everyone gets the base rate, Then the Brier skill is 0; perfect is 1; worse is negative', () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0];
    expect(brierSkill(y.map(() => 0.25), y)).toBeCloseTo(0, 12);
    expect(brierSkill(y, y)).toBe(1);
    expect(brierSkill(y.map((v) => 1 - v), y)!).toBeLessThan(0);
    expect(brierSkill([0.5, 0.5], [1, 1])).toBeNull();
  });

  it('When a probability is 0 or 1 and wrong, Then log-loss is large but finite', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 6);
    expect(() => logLoss([1.2], [1])).toThrow(/outside/);
  });
});
