import type { GroupId } from './group-folds';
import { nestedCrossValidate, type NestedCvOptions, type NestedCvResult } from './nested-cv';

/**
 * The cumulative model of an ordinal outcome (Frank & Hall 2001, "A simple approach to ordinal
 * classification"): for levels L₀ < … < L_{K−1}, one L2 logistic model per cut k = 1…K−1 for
 * P(Y ≥ L_k), each cross-validated exactly like the binary model (nested, group-aware, its own λ
 * chosen by inner group CV). All cuts share the outer and inner folds (the same seed splits the
 * same groups the same way), so a row's K−1 out-of-fold probabilities all come from models that
 * never saw its group.
 *
 * Separately fitted cuts can cross (P(Y ≥ 4) above P(Y ≥ 3)); Frank & Hall leave that be, here
 * each row's probabilities are projected onto non-increasing sequences (pool-adjacent-violators,
 * equal weights: the least-squares monotone fit), so the level probabilities are never negative.
 * The ordinal score is the expected level, E[Y] = L₀ + Σ_k (L_k − L_{k−1})·P(Y ≥ L_k).
 */
export interface CumulativeCut {
  /** The cut: this model predicts P(outcome ≥ threshold). */
  threshold: number;
  positives: number;
  cv: NestedCvResult;
}

export interface CumulativeOrdinalFit {
  levels: number[];
  cuts: CumulativeCut[];
  /** Outer fold of each row (the same for every cut). */
  foldOfRow: number[];
  /** Per cut, per row: monotone out-of-fold P(Y ≥ threshold). */
  outOfFold: number[][];
  /** Per row: the out-of-fold expected level. */
  outOfFoldExpected: number[];
  /** Per cut, per row: the final models' monotone probabilities on their own training rows. */
  inSample: number[][];
  inSampleExpected: number[];
}

export function fitCumulativeOrdinal(
  x: readonly (readonly number[])[],
  outcome: readonly number[],
  levels: readonly number[],
  groups: readonly GroupId[],
  options: NestedCvOptions,
): CumulativeOrdinalFit {
  if (levels.length < 3) throw new Error('the cumulative model needs at least three levels (two are a binary outcome)');
  const thresholds = levels.slice(1);
  const cuts: CumulativeCut[] = thresholds.map((threshold, c) => {
    const labels = outcome.map((v) => (v >= threshold ? 1 : 0));
    const cv = nestedCrossValidate(x, labels, groups, {
      ...options,
      onProgress: options.onProgress && ((p) => options.onProgress!({ stage: p.stage, fraction: (c + p.fraction) / thresholds.length })),
    });
    return { threshold, positives: labels.reduce((s: number, v) => s + v, 0), cv };
  });
  const foldOfRow = cuts[0].cv.foldOfRow;
  for (const cut of cuts) {
    if (cut.cv.foldOfRow.some((f, i) => f !== foldOfRow[i])) throw new Error('the cuts were cross-validated on different folds');
  }
  const outOfFold = monotoneByRow(cuts.map((c) => c.cv.outOfFold));
  const inSample = monotoneByRow(cuts.map((c) => c.cv.inSample));
  return {
    levels: [...levels],
    cuts,
    foldOfRow,
    outOfFold,
    outOfFoldExpected: expectedLevels(levels, outOfFold),
    inSample,
    inSampleExpected: expectedLevels(levels, inSample),
  };
}

/**
 * The closest (least-squares) non-increasing sequence to p: pool-adjacent-violators with equal
 * weights. A sequence already non-increasing is returned as it is.
 */
export function monotoneCumulative(p: ArrayLike<number>): number[] {
  const value: number[] = [];
  const size: number[] = [];
  for (let k = 0; k < p.length; k++) {
    value.push(p[k]);
    size.push(1);
    while (value.length > 1 && value[value.length - 2] < value[value.length - 1]) {
      const v = value.pop()!;
      const s = size.pop()!;
      const last = value.length - 1;
      value[last] = (value[last] * size[last] + v * s) / (size[last] + s);
      size[last] += s;
    }
  }
  const out: number[] = [];
  value.forEach((v, b) => {
    for (let i = 0; i < size[b]; i++) out.push(v);
  });
  return out;
}

/** E[Y] = L₀ + Σ_k (L_k − L_{k−1})·P(Y ≥ L_k), with cumulative[k − 1] = P(Y ≥ L_k). */
export function expectedLevel(levels: readonly number[], cumulative: ArrayLike<number>): number {
  if (cumulative.length !== levels.length - 1) throw new Error(`${cumulative.length} cumulative probabilities for ${levels.length} levels`);
  let e = levels[0];
  for (let k = 1; k < levels.length; k++) e += (levels[k] - levels[k - 1]) * cumulative[k - 1];
  return e;
}

/** Makes each row's cut probabilities monotone; input and output are indexed [cut][row]. */
function monotoneByRow(byCut: readonly ArrayLike<number>[]): number[][] {
  const n = byCut[0].length;
  const out = byCut.map(() => new Array<number>(n));
  const row = new Array<number>(byCut.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < byCut.length; c++) row[c] = byCut[c][i];
    const fixed = monotoneCumulative(row);
    for (let c = 0; c < byCut.length; c++) out[c][i] = fixed[c];
  }
  return out;
}

function expectedLevels(levels: readonly number[], byCut: readonly number[][]): number[] {
  const n = byCut[0].length;
  const out = new Array<number>(n);
  const row = new Array<number>(byCut.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < byCut.length; c++) row[c] = byCut[c][i];
    out[i] = expectedLevel(levels, row);
  }
  return out;
}
