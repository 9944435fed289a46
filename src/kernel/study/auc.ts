import { averageRanks, sortedOrder } from './ranks';

// Math and Number are read through module constants because hot loops run under jest's vm
// sandbox too, where every global lookup costs ~100× a local one.
const { max } = Math;
const { isInteger } = Number;

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive
 * scores above a random negative, ties counting one half. Rank-based, so any monotone transform
 * of the scores gives the same value. Null when either class is absent (the AUC is undefined
 * then, and 0.5 would be a fabricated number).
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>, strata?: ArrayLike<number>): number | null {
  checkBinary(scores, labels);
  if (strata) return stratifiedAuc(scores, labels, strata);
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i];
    }
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The AUC over positive–negative pairs inside the same stratum only (strata are small
 * non-negative integers). Cross-validated predictions need it: each outer fold has its own
 * model, whose intercept follows its training rows' base rate — which runs *opposite* to the
 * held-out fold's rate. Comparing pairs across folds then ranks partly by that artefact, and
 * with no signal the pooled AUC sits below 0.5 (a known bias of pooled cross-validated AUC).
 * Within a fold one model scores every row, so the comparison is fair; the result is the
 * pair-weighted mean of the per-fold AUCs.
 */
export function stratifiedAuc(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  strata: ArrayLike<number>,
): number | null {
  const weights = new Float64Array(labels.length).fill(1);
  return weightedAuc(sortedOrder(scores), scores, labels, weights, strata);
}

/**
 * The AUC when row i counts `weights[i]` times, given the rows' ascending order by score. The
 * group bootstrap uses it: a resample is just a multiplicity per row, so each resample costs
 * one O(n) sweep instead of a sort.
 */
export function weightedAuc(
  order: ArrayLike<number>,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  strata?: ArrayLike<number>,
): number | null {
  if (strata) return weightedStratifiedAuc(order, scores, labels, weights, strata);
  let negativesBelow = 0;
  let pairsWon = 0;
  let totalPositive = 0;
  let start = 0;
  const n = order.length;
  while (start < n) {
    // One block of tied scores: its positives beat every negative below the block and tie
    // (one half) with the negatives inside it.
    const value = scores[order[start]];
    let blockPositive = 0;
    let blockNegative = 0;
    let end = start;
    while (end < n && scores[order[end]] === value) {
      const row = order[end];
      const w = weights[row];
      if (labels[row] === 1) blockPositive += w;
      else blockNegative += w;
      end++;
    }
    pairsWon += blockPositive * (negativesBelow + blockNegative / 2);
    negativesBelow += blockNegative;
    totalPositive += blockPositive;
    start = end;
  }
  if (totalPositive === 0 || negativesBelow === 0) return null;
  return pairsWon / (totalPositive * negativesBelow);
}

/** The same sweep with one set of counters per stratum; only same-stratum pairs count. */
function weightedStratifiedAuc(
  order: ArrayLike<number>,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  strata: ArrayLike<number>,
): number | null {
  let count = 0;
  for (let i = 0; i < strata.length; i++) {
    const s = strata[i];
    if (!isInteger(s) || s < 0) throw new Error(`stratum ${i} is ${s}, not a non-negative integer`);
    count = max(count, s + 1);
  }
  const negativesBelow = new Float64Array(count);
  const totalPositive = new Float64Array(count);
  const blockPositive = new Float64Array(count);
  const blockNegative = new Float64Array(count);
  const touched: number[] = [];
  let pairsWon = 0;
  let start = 0;
  const n = order.length;
  while (start < n) {
    const value = scores[order[start]];
    let end = start;
    while (end < n && scores[order[end]] === value) {
      const row = order[end];
      const s = strata[row];
      if (blockPositive[s] === 0 && blockNegative[s] === 0) touched.push(s);
      if (labels[row] === 1) blockPositive[s] += weights[row];
      else blockNegative[s] += weights[row];
      end++;
    }
    for (const s of touched) {
      pairsWon += blockPositive[s] * (negativesBelow[s] + blockNegative[s] / 2);
      negativesBelow[s] += blockNegative[s];
      totalPositive[s] += blockPositive[s];
      blockPositive[s] = 0;
      blockNegative[s] = 0;
    }
    touched.length = 0;
    start = end;
  }
  let pairs = 0;
  for (let s = 0; s < count; s++) pairs += totalPositive[s] * negativesBelow[s];
  return pairs === 0 ? null : pairsWon / pairs;
}

export { sortedOrder };

export function checkBinary(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new Error(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`label ${i} is ${labels[i]}, not 0 or 1`);
  }
}
