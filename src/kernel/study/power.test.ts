import { auc } from './auc';
import { aucPower, hanleyMcNeilStandardError } from './power';
import { mulberry32 } from './random';

describe('AUC power (Hanley & McNeil 1982)', () => {
  it('When A = 0.5, Then the SE is the exact null SE of Mann–Whitney, √((n₁ + n₀ + 1) / (12·n₁·n₀))', () => {
    for (const [n1, n0] of [
      [50, 50],
      [30, 270],
      [7, 3],
    ]) {
      expect(hanleyMcNeilStandardError(0.5, n1, n0)).toBeCloseTo(Math.sqrt((n1 + n0 + 1) / (12 * n1 * n0)), 14);
    }
  });

  it('When checked by simulation (exponential scores, the model behind Q₁ and Q₂), Then the SE is right within 10%', () => {
    // Negatives ~ Exp(1), positives ~ Exp(1/3): AUC = P(pos > neg) = 3/4.
    const random = mulberry32(17);
    const draws: number[] = [];
    for (let r = 0; r < 400; r++) {
      const scores: number[] = [];
      const labels: number[] = [];
      for (let i = 0; i < 60; i++) {
        scores.push(-3 * Math.log(1 - random()));
        labels.push(1);
      }
      for (let i = 0; i < 140; i++) {
        scores.push(-Math.log(1 - random()));
        labels.push(0);
      }
      draws.push(auc(scores, labels)!);
    }
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1));
    expect(mean).toBeCloseTo(0.75, 2);
    expect(Math.abs(hanleyMcNeilStandardError(0.75, 60, 140) / sd - 1)).toBeLessThan(0.1);
  });

  it('When asked for ±0.05, Then n is the smallest at which the half-width fits, at the same base rate', () => {
    const note = aucPower({ auc: 0.6, positives: 40, negatives: 160 });
    expect(note.enough).toBe(false);
    const n = note.pairsNeeded;
    const at = (m: number) => 1.959963984540054 * hanleyMcNeilStandardError(0.6, 0.2 * m, 0.8 * m);
    expect(at(n)).toBeLessThanOrEqual(0.05);
    expect(at(n - 1)).toBeGreaterThan(0.05);
    expect(note.halfWidth).toBeCloseTo(at(200), 12);
  });

  it('When the bootstrap SE exceeds the formula’s, Then the design effect scales the n needed up', () => {
    const plain = aucPower({ auc: 0.7, positives: 300, negatives: 700 });
    const se = plain.halfWidthIndependent / 1.959963984540054;
    const clustered = aucPower({ auc: 0.7, positives: 300, negatives: 700, bootstrapStandardError: 1.5 * se });
    expect(clustered.designEffect).toBeCloseTo(2.25, 10);
    expect(clustered.pairsNeeded).toBe(Math.ceil(plain.pairsNeededIndependent * 2.25));
    expect(clustered.halfWidth).toBeCloseTo(1.5 * plain.halfWidthIndependent, 10);
    // A bootstrap narrower than the formula is not allowed to shrink the answer.
    const narrow = aucPower({ auc: 0.7, positives: 300, negatives: 700, bootstrapStandardError: 0.5 * se });
    expect(narrow.pairsNeeded).toBe(plain.pairsNeededIndependent);
  });
});
