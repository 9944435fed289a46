import { auc, sortedOrder, stratifiedAuc, weightedAuc } from './auc';
import { mulberry32 } from './random';

describe('AUC', () => {
  it('When scored like scikit-learn’s roc_auc_score example, Then it gives the documented 0.75', () => {
    // sklearn.metrics.roc_auc_score docs: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] → 0.75.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('When scores tie across classes, Then each tied pair counts one half', () => {
    // Pairs (pos, neg): (0.5 vs 0.5) = ½, (0.5 vs 0.2) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.2) = 1 → 3.5 / 4.
    expect(auc([0.5, 0.9, 0.5, 0.2], [1, 1, 0, 0])).toBe(0.875);
    expect(auc([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
  });

  it('When the ranking is perfect, reversed, or transformed, Then 1, 0, and unchanged', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    const scores = [0.3, -1, 2, 0.7, 0.1];
    const labels = [1, 0, 1, 0, 1];
    expect(auc(scores.map(Math.exp), labels)).toBe(auc(scores, labels));
  });

  it('When one class is missing, Then there is no AUC (null), not 0.5', () => {
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
    expect(() => auc([0.1, 0.2], [1, 2])).toThrow(/not 0 or 1/);
  });

  it('When rows carry integer weights, Then the weighted AUC equals the AUC of the rows repeated', () => {
    const random = mulberry32(3);
    const scores = Array.from({ length: 200 }, () => Math.round(random() * 20) / 20); // many ties
    const labels = scores.map((s) => (random() < s ? 1 : 0));
    const weights = scores.map(() => Math.floor(random() * 4)); // 0–3 copies
    const repeatedScores: number[] = [];
    const repeatedLabels: number[] = [];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        repeatedScores.push(scores[i]);
        repeatedLabels.push(labels[i]);
      }
    });
    const weighted = weightedAuc(sortedOrder(scores), scores, labels, weights)!;
    expect(weighted).toBeCloseTo(auc(repeatedScores, repeatedLabels)!, 12);
  });

  it('When strata are given, Then only same-stratum pairs count (the pair-weighted mean of per-stratum AUCs)', () => {
    // Stratum 0: perfect (AUC 1, 2 × 2 = 4 pairs); stratum 1: reversed (AUC 0, 1 × 2 = 2 pairs).
    // Its scores sit far above stratum 0's, which pooled comparisons would reward.
    const scores = [0.1, 0.2, 0.3, 0.4, 9, 8, 7];
    const labels = [0, 0, 1, 1, 0, 0, 1];
    const strata = [0, 0, 0, 0, 1, 1, 1];
    expect(stratifiedAuc(scores, labels, strata)).toBeCloseTo(4 / 6, 12);
    expect(auc(scores, labels, strata)).toBeCloseTo(4 / 6, 12);
    expect(auc(scores, labels)).not.toBeCloseTo(4 / 6, 2);
    // Weighted and stratified together: doubling stratum 1's rows doubles its pairs' weight.
    const weights = [1, 1, 1, 1, 2, 2, 2];
    expect(weightedAuc(sortedOrder(scores), scores, labels, weights, strata)).toBeCloseTo(4 / (4 + 8), 12);
  });
});
