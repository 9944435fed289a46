import { balancedScore, calibratedYes } from './judge-by-probabilities';

describe('calibratedYes (contextual calibration)', () => {
  it('When the transcript leaves the answer where the content-free input put it, Then P(yes) is 0.5', () => {
    expect(calibratedYes({ probabilities: [0.95, 0.05] }, { probabilities: [0.95, 0.05] })).toBeCloseTo(0.5);
  });

  it('When the transcript moves the answer towards yes or no, Then P(yes) moves the same way, by the odds ratio', () => {
    // Odds 0.98/0.02 = 49 against a baseline of 19: calibrated odds 49/19 ≈ 2.58.
    expect(calibratedYes({ probabilities: [0.98, 0.02] }, { probabilities: [0.95, 0.05] })).toBeCloseTo(49 / 19 / (1 + 49 / 19));
    expect(calibratedYes({ probabilities: [0.9, 0.1] }, { probabilities: [0.95, 0.05] })).toBeLessThan(0.5);
  });

  it('When the content-free answer puts nothing on one option, Then the result stays finite', () => {
    expect(Number.isFinite(calibratedYes({ probabilities: [0.5, 0.5] }, { probabilities: [1, 0] }))).toBe(true);
  });
});

describe('balancedScore', () => {
  it('When both keyings agree, Then the score is their mean agreement on 0–10, one decimal', () => {
    expect(balancedScore(1, 0)).toBe(10);
    expect(balancedScore(0, 1)).toBe(0);
    expect(balancedScore(0.5, 0.5)).toBe(5);
    expect(balancedScore(0.8, 0.4)).toBe(7);
    expect(balancedScore(0.81, 0.4)).toBe(7.1);
  });
});
