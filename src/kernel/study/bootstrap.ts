import { auc, checkBinary, sortedOrder, weightedAuc } from './auc';
import type { GroupId } from './group-folds';
import { mulberry32, randomInt } from './random';

// Math and Number are read through module constants because hot loops run under jest's vm
// sandbox too, where every global lookup costs ~100× a local one.
const { floor, max, min, sqrt } = Math;
const { isNaN } = Number;

/**
 * Cluster (group) bootstrap of the AUC. Pairs from one wave share people, so they are not
 * independent: resampling pairs would pretend there is more information than there is and give
 * too narrow an interval. Resampling whole groups with replacement keeps the dependence inside
 * each draw.
 *
 * The predictions are held fixed: the interval covers the sampling of groups, not the refitting
 * of the model, which makes it somewhat narrower than a full bootstrap-the-pipeline interval.
 */

export interface BootstrapOptions {
  seed: number;
  /** Number of resamples (default 1,000). */
  resamples?: number;
  /** Central interval level (default 0.95). */
  level?: number;
  /**
   * Count only positive–negative pairs inside the same stratum (the outer fold, for
   * cross-validated predictions: see `stratifiedAuc`). Strata stay fixed across resamples.
   */
  strata?: ArrayLike<number>;
}

export interface Interval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** Resamples that had both classes (the others have no AUC and are left out). */
  resamples: number;
  /** Standard deviation of the valid resampled statistics. */
  standardError: number | null;
}

export interface DeltaInterval extends Interval {
  /** Share of resamples in which A's AUC minus B's is ≤ 0 (a one-sided bootstrap p-value). */
  shareAtOrBelowZero: number | null;
}

/** 95% (by default) percentile interval of the AUC, resampling groups. */
export function clusterBootstrapAuc(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  groups: readonly GroupId[],
  options: BootstrapOptions,
): Interval {
  const [draws] = groupBootstrapAucs([scores], labels, groups, options);
  return summarise(auc(scores, labels, options.strata), draws, options.level ?? 0.95);
}

/**
 * Paired bootstrap of AUC(A) − AUC(B) on the same rows: both are recomputed on the same group
 * resamples, so what the two share (the hard and easy waves) cancels and the interval is for
 * the difference itself.
 */
export function pairedBootstrapDeltaAuc(
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
  labels: ArrayLike<number>,
  groups: readonly GroupId[],
  options: BootstrapOptions,
): DeltaInterval {
  const [drawsA, drawsB] = groupBootstrapAucs([scoresA, scoresB], labels, groups, options);
  return deltaInterval(
    auc(scoresA, labels, options.strata),
    auc(scoresB, labels, options.strata),
    drawsA,
    drawsB,
    options.level ?? 0.95,
  );
}

/**
 * The AUC of each score vector on each of the same group resamples (NaN where a resample lacks
 * a class). Each resample is a multiplicity per group, applied to the rows through a presorted
 * order, so a resample costs O(n) per score vector rather than a sort.
 */
export function groupBootstrapAucs(
  scoreVectors: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  groups: readonly GroupId[],
  options: BootstrapOptions,
): Float64Array[] {
  const resamples = options.resamples ?? 1000;
  const n = labels.length;
  if (groups.length !== n) throw new Error(`groups (${groups.length}) and labels (${n}) differ in length`);
  for (const scores of scoreVectors) checkBinary(scores, labels);
  const index = new Map<GroupId, number>();
  const groupOfRow = new Int32Array(n);
  groups.forEach((g, i) => {
    let k = index.get(g);
    if (k === undefined) {
      k = index.size;
      index.set(g, k);
    }
    groupOfRow[i] = k;
  });
  const groupCount = index.size;
  const orders = scoreVectors.map((scores) => sortedOrder(scores));
  const random = mulberry32(options.seed);
  const multiplicity = new Float64Array(groupCount);
  const weights = new Float64Array(n);
  const out = scoreVectors.map(() => new Float64Array(resamples));
  for (let r = 0; r < resamples; r++) {
    multiplicity.fill(0);
    for (let k = 0; k < groupCount; k++) multiplicity[randomInt(random, groupCount)]++;
    for (let i = 0; i < n; i++) weights[i] = multiplicity[groupOfRow[i]];
    scoreVectors.forEach((scores, v) => {
      out[v][r] = weightedAuc(orders[v], scores, labels, weights, options.strata) ?? NaN;
    });
  }
  return out;
}

export function summarise(estimate: number | null, draws: Float64Array, level: number): Interval {
  const valid = Array.from(draws).filter((d) => !isNaN(d));
  if (valid.length === 0) return { estimate, lower: null, upper: null, resamples: 0, standardError: null };
  valid.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return {
    estimate,
    lower: quantile(valid, alpha),
    upper: quantile(valid, 1 - alpha),
    resamples: valid.length,
    standardError: standardDeviation(valid),
  };
}

export function deltaInterval(
  estimateA: number | null,
  estimateB: number | null,
  drawsA: Float64Array,
  drawsB: Float64Array,
  level: number,
): DeltaInterval {
  const deltas = new Float64Array(drawsA.length);
  for (let r = 0; r < drawsA.length; r++) deltas[r] = drawsA[r] - drawsB[r];
  const estimate = estimateA === null || estimateB === null ? null : estimateA - estimateB;
  const interval = summarise(estimate, deltas, level);
  const valid = Array.from(deltas).filter((d) => !isNaN(d));
  return {
    ...interval,
    shareAtOrBelowZero: valid.length === 0 ? null : valid.filter((d) => d <= 0).length / valid.length,
  };
}

/** Linear-interpolation quantile of sorted values (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = floor(position);
  const above = min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / max(1, values.length - 1);
  return sqrt(variance);
}
