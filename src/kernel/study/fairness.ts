import { auc, checkBinary } from './auc';
import { groupBootstrapAucs } from './bootstrap';
import type { GroupId } from './group-folds';
import { hanleyMcNeilStandardError } from './power';

export interface FairnessGroup {
  value: string;
  n: number;
  positives: number;
  /** AUC inside the group; null when the group lacks one of the classes. */
  auc: number | null;
  /** Share predicted positive (probability ≥ threshold). */
  positiveRate: number;
  /** True-positive rate; null without positives. */
  truePositiveRate: number | null;
  /** False-positive rate; null without negatives. */
  falsePositiveRate: number | null;
}

export interface FairnessReport {
  attribute: string;
  threshold: number;
  groups: FairnessGroup[];
  /** max − min of the groups' positive-prediction rates. */
  demographicParityDifference: number;
  truePositiveRateGap: number | null;
  falsePositiveRateGap: number | null;
  /** max of the TPR gap and the FPR gap (groups lacking a class are left out of that gap). */
  equalizedOddsDifference: number | null;
  /** Per-group AUC spread (max − min over groups with an AUC). */
  aucGap: number | null;
  /**
   * Standard errors of each gap, from the two groups that make it (treated as independent).
   * With clusters: cluster-robust for the rates and a cluster bootstrap for the AUCs; without:
   * binomial and Hanley–McNeil, which are too small when pairs share people. A gap under about
   * two of them may be noise.
   */
  gapStandardErrors: {
    demographicParity: number | null;
    truePositiveRate: number | null;
    falsePositiveRate: number | null;
    auc: number | null;
  };
  /**
   * How many standard errors a gap must span before it stands out from chance. A gap is the
   * range of K group values, and ranges grow with K even when all groups are alike, so the bar
   * is Tukey's: the 95% studentized range for K groups (df = ∞) over √2 — 1.96 for two groups,
   * 2.57 for four.
   */
  gapNoiseBar: number;
}

// scipy.stats.studentized_range.ppf(0.95, k, 1e6) / √2 for k = 2…20.
const RANGE_BAR = [1.96, 2.344, 2.569, 2.728, 2.85, 2.948, 3.031, 3.102, 3.164, 3.219, 3.268, 3.313, 3.354, 3.391, 3.426, 3.458, 3.489, 3.517, 3.544];

/** The noise bar for a range over k groups (beyond 20 groups, the 20-group bar: slightly lenient). */
export function gapNoiseBar(k: number): number {
  return RANGE_BAR[Math.min(Math.max(k, 2), 20) - 2];
}

export interface FairnessOptions {
  /** Decision threshold for the rates (default: the base rate). */
  threshold?: number;
  /** Strata (outer folds) for the per-group AUC: only same-stratum pairs count. */
  strata?: ArrayLike<number>;
  /** Clusters (waves or people) for the standard errors; pairs sharing one are not independent. */
  clusters?: readonly GroupId[];
  /** Seed and size of the per-group AUC cluster bootstrap (default 0 and 300). */
  seed?: number;
  resamples?: number;
}

/**
 * Group fairness of probabilistic predictions across one categorical attribute (rows with a
 * null value are left out). Demographic parity compares how often each group is predicted
 * positive; equalized odds compares error rates among those who were (TPR) and were not (FPR)
 * positive; the per-group AUC shows whether the score ranks equally well inside each group. The
 * threshold defaults to the base rate, the natural cut for a model with no decision attached.
 * Gaps are max − min over groups, so they are never negative and are inflated by noise in small
 * groups: read them beside their standard errors.
 */
export function fairnessReport(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  attribute: { name: string; values: readonly (string | number | null)[] },
  options: FairnessOptions = {},
): FairnessReport {
  checkBinary(probabilities, labels);
  const n = labels.length;
  if (attribute.values.length !== n) {
    throw new Error(`attribute ${attribute.name} has ${attribute.values.length} values for ${n} rows`);
  }
  if (options.clusters && options.clusters.length !== n) throw new Error('clusters and labels differ in length');
  let positivesAll = 0;
  for (let i = 0; i < n; i++) positivesAll += labels[i];
  const cut = options.threshold ?? positivesAll / n;
  const predicted = Array.from({ length: n }, (_, i) => (probabilities[i] >= cut ? 1 : 0));

  const rowsByValue = new Map<string, number[]>();
  attribute.values.forEach((v, i) => {
    if (v === null) return;
    const key = String(v);
    const rows = rowsByValue.get(key);
    if (rows) rows.push(i);
    else rowsByValue.set(key, [i]);
  });
  const values = [...rowsByValue.keys()].sort();
  const rateSe = new Map<string, { positive: number | null; tpr: number | null; fpr: number | null; auc: number | null }>();
  const groups: FairnessGroup[] = values.map((value, k) => {
    const rows = rowsByValue.get(value)!;
    const positiveRows = rows.filter((i) => labels[i] === 1);
    const negativeRows = rows.filter((i) => labels[i] === 0);
    const meanOf = (subset: number[]) => (subset.length === 0 ? null : subset.reduce((s, i) => s + predicted[i], 0) / subset.length);
    const group: FairnessGroup = {
      value,
      n: rows.length,
      positives: positiveRows.length,
      auc: auc(
        rows.map((i) => probabilities[i]),
        rows.map((i) => labels[i]),
        options.strata ? rows.map((i) => options.strata![i]) : undefined,
      ),
      positiveRate: meanOf(rows)!,
      truePositiveRate: meanOf(positiveRows),
      falsePositiveRate: meanOf(negativeRows),
    };
    rateSe.set(value, {
      positive: meanSe(predicted, rows, options.clusters),
      tpr: meanSe(predicted, positiveRows, options.clusters),
      fpr: meanSe(predicted, negativeRows, options.clusters),
      auc: aucSe(group, rows, probabilities, labels, options, k),
    });
    return group;
  });

  const spread = (pick: (g: FairnessGroup) => number | null): number | null => {
    const present = groups.map(pick).filter((v): v is number => v !== null);
    return present.length < 2 ? null : Math.max(...present) - Math.min(...present);
  };
  /** SE of (highest − lowest), from those two groups' SEs. */
  const gapSe = (pick: (g: FairnessGroup) => number | null, se: (value: string) => number | null): number | null => {
    const present = groups.filter((g) => pick(g) !== null);
    if (present.length < 2) return null;
    const high = present.reduce((a, g) => (pick(g)! > pick(a)! ? g : a));
    const low = present.reduce((a, g) => (pick(g)! < pick(a)! ? g : a));
    const [a, b] = [se(high.value), se(low.value)];
    return a === null || b === null ? null : Math.sqrt(a * a + b * b);
  };
  const truePositiveRateGap = spread((g) => g.truePositiveRate);
  const falsePositiveRateGap = spread((g) => g.falsePositiveRate);
  const gaps = [truePositiveRateGap, falsePositiveRateGap].filter((g): g is number => g !== null);
  return {
    attribute: attribute.name,
    threshold: cut,
    groups,
    demographicParityDifference: spread((g) => g.positiveRate) ?? 0,
    truePositiveRateGap,
    falsePositiveRateGap,
    equalizedOddsDifference: gaps.length === 0 ? null : Math.max(...gaps),
    aucGap: spread((g) => g.auc),
    gapStandardErrors: {
      demographicParity: gapSe((g) => g.positiveRate, (v) => rateSe.get(v)!.positive),
      truePositiveRate: gapSe((g) => g.truePositiveRate, (v) => rateSe.get(v)!.tpr),
      falsePositiveRate: gapSe((g) => g.falsePositiveRate, (v) => rateSe.get(v)!.fpr),
      auc: gapSe((g) => g.auc, (v) => rateSe.get(v)!.auc),
    },
    gapNoiseBar: gapNoiseBar(groups.length),
  };
}

/**
 * Standard error of the mean of `values` over `rows`. Without clusters, binomial. With clusters,
 * the cluster-robust (sandwich) form √(C/(C − 1)·Σ_c (Σ_{i∈c} (xᵢ − x̄))²) / n: a person's or
 * wave's pairs move together, and counting them as independent would shrink the error.
 */
export function meanSe(values: ArrayLike<number>, rows: readonly number[], clusters?: readonly GroupId[]): number | null {
  const n = rows.length;
  if (n < 2) return null;
  const mean = rows.reduce((s, i) => s + values[i], 0) / n;
  if (!clusters) return Math.sqrt((mean * (1 - mean)) / n);
  const sums = new Map<GroupId, number>();
  for (const i of rows) sums.set(clusters[i], (sums.get(clusters[i]) ?? 0) + values[i] - mean);
  const c = sums.size;
  if (c < 2) return null;
  let total = 0;
  for (const s of sums.values()) total += s * s;
  return Math.sqrt((c / (c - 1)) * total) / n;
}

function aucSe(
  group: FairnessGroup,
  rows: number[],
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: FairnessOptions,
  index: number,
): number | null {
  if (group.auc === null) return null;
  if (!options.clusters) return hanleyMcNeilStandardError(group.auc, group.positives, group.n - group.positives);
  const [draws] = groupBootstrapAucs(
    [rows.map((i) => probabilities[i])],
    rows.map((i) => labels[i]),
    rows.map((i) => options.clusters![i]),
    {
      seed: (options.seed ?? 0) + 7919 * (index + 1),
      resamples: options.resamples ?? 300,
      strata: options.strata ? rows.map((i) => options.strata![i]) : undefined,
    },
  );
  const valid = Array.from(draws).filter((d) => !Number.isNaN(d));
  if (valid.length < 2) return null;
  const mean = valid.reduce((s, v) => s + v, 0) / valid.length;
  return Math.sqrt(valid.reduce((s, v) => s + (v - mean) ** 2, 0) / (valid.length - 1));
}
