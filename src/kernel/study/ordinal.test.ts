import { ordinalSummary } from './ordinal';
import { spearman } from './rank-correlation';

describe('ordinal summary', () => {
  it('When an ordinal outcome is summarised, Then there is one "≥ k" AUC per cut and Spearman over all', () => {
    const score = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const rating = [1, 1, 2, 3, 2, 3];
    const summary = ordinalSummary(score, rating);
    expect(summary.levels).toEqual([1, 2, 3]);
    // ≥ 2: positives 0.3, 0.4, 0.5, 0.6 vs negatives 0.1, 0.2 — perfect.
    expect(summary.cumulative[0]).toEqual({ threshold: 2, positives: 4, negatives: 2, auc: 1 });
    // ≥ 3: positives 0.4, 0.6 vs 0.1, 0.2, 0.3, 0.5 — 7 of 8 pairs.
    expect(summary.cumulative[1]).toEqual({ threshold: 3, positives: 2, negatives: 4, auc: 7 / 8 });
    expect(summary.spearman).toBeCloseTo(spearman(score, rating)!, 14);
    expect(() => ordinalSummary([1], [1.5])).toThrow(/integer/);
  });

  it('When strata are given, Then the cumulative AUCs count same-stratum pairs only', () => {
    // Stratum 0 orders the rating perfectly; stratum 1 perfectly backwards, at much higher scores.
    const score = [1, 2, 3, 10, 11, 12];
    const rating = [1, 2, 3, 3, 2, 1];
    const strata = [0, 0, 0, 1, 1, 1];
    const summary = ordinalSummary(score, rating, strata);
    // ≥ 2: stratum 0 wins 2 of 2 pairs, stratum 1 wins 0 of 2 → 2 / 4.
    expect(summary.cumulative[0].auc).toBeCloseTo(0.5, 12);
    expect(summary.spearman).toBeCloseTo(0, 12);
  });
});
