/**
 * How precise is the AUC at this sample size, and how many pairs would ±0.05 take?
 *
 * Variance of the AUC from Hanley, J. A. & McNeil, B. J. (1982). "The meaning and use of the
 * area under a receiver operating characteristic (ROC) curve." Radiology 143(1):29–36:
 *
 *   SE²(A) = [A(1 − A) + (n₁ − 1)(Q₁ − A²) + (n₀ − 1)(Q₂ − A²)] / (n₁·n₀),
 *   Q₁ = A / (2 − A),  Q₂ = 2A² / (1 + A),
 *
 * with n₁ positives and n₀ negatives. Q₁ and Q₂ come from an exponential model of the two score
 * distributions; the formula is approximate away from it but the usual planning tool. At
 * A = 0.5 it is exactly the null variance of the Mann–Whitney statistic, (n₁ + n₀ + 1)/(12·n₁·n₀).
 *
 * It assumes independent pairs. Pairs sharing people are not, so when a group-bootstrap standard
 * error is at hand the ratio of the two variances (the design effect) scales the answer up.
 */

export const Z95 = 1.959963984540054;

export function hanleyMcNeilStandardError(area: number, positives: number, negatives: number): number {
  if (!(positives > 0 && negatives > 0)) throw new Error('needs at least one positive and one negative');
  // The formula is symmetric in A ↔ 1 − A only through relabelling; use the side above 0.5.
  const a = Math.min(Math.max(area, 1 - area), 0.999);
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const variance = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a)) / (positives * negatives);
  return Math.sqrt(variance);
}

export interface PowerNote {
  /** The AUC the calculation assumes (the observed out-of-fold AUC). */
  auc: number;
  pairs: number;
  baseRate: number;
  /** Target half-width of the 95% interval. */
  target: number;
  /** 1.96 × the Hanley–McNeil SE at the current n, as if pairs were independent. */
  halfWidthIndependent: number;
  /** Variance inflation from clustering: (bootstrap SE / Hanley–McNeil SE)²; null without a bootstrap SE. */
  designEffect: number | null;
  /** The half-width to believe: the independent one scaled by √max(1, design effect) when known. */
  halfWidth: number;
  /** Pairs needed for ±target at the current base rate, independent pairs. */
  pairsNeededIndependent: number;
  /** …scaled by the design effect (at least 1) when known; otherwise equal to the line above. */
  pairsNeeded: number;
  enough: boolean;
}

export interface PowerInput {
  auc: number;
  positives: number;
  negatives: number;
  /** Target half-width (default 0.05). */
  target?: number;
  /** Group-bootstrap SE of the same AUC, for the design effect. */
  bootstrapStandardError?: number | null;
}

/**
 * The interval half-width now and the pairs needed for ±target. The needed n keeps the current
 * base rate (n₁ = π·n, n₀ = (1 − π)·n) and the current AUC, and is the smallest n whose
 * Hanley–McNeil half-width is within the target (found by bisection: the half-width falls
 * monotonically in n).
 */
export function aucPower(input: PowerInput): PowerNote {
  const target = input.target ?? 0.05;
  const { positives, negatives } = input;
  const pairs = positives + negatives;
  const baseRate = positives / pairs;
  const halfWidthIndependent = Z95 * hanleyMcNeilStandardError(input.auc, positives, negatives);
  const halfWidthAt = (n: number) =>
    Z95 * hanleyMcNeilStandardError(input.auc, Math.max(1, baseRate * n), Math.max(1, (1 - baseRate) * n));
  let low = 2;
  let high = Math.max(4, pairs);
  while (halfWidthAt(high) > target) high *= 2;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (halfWidthAt(middle) > target) low = middle;
    else high = middle;
  }
  const pairsNeededIndependent = high;

  const se = input.bootstrapStandardError;
  const designEffect =
    se !== undefined && se !== null && se > 0 ? (se / (halfWidthIndependent / Z95)) ** 2 : null;
  const inflation = designEffect === null ? 1 : Math.max(1, designEffect);
  // A design effect below 1 (the bootstrap narrower than the formula) is not taken as good
  // news: Hanley–McNeil is itself approximate, and neither figure should flatter.
  const halfWidth = halfWidthIndependent * Math.sqrt(inflation);
  const pairsNeeded = Math.ceil(pairsNeededIndependent * inflation);
  return {
    auc: input.auc,
    pairs,
    baseRate,
    target,
    halfWidthIndependent,
    designEffect,
    halfWidth,
    pairsNeededIndependent,
    pairsNeeded,
    enough: halfWidth <= target,
  };
}
