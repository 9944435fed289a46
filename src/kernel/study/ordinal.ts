import { auc } from './auc';
import { spearman, stratifiedSpearman } from './rank-correlation';

export interface CumulativeAuc {
  /** The AUC of the score for "outcome ≥ threshold" against "outcome < threshold". */
  threshold: number;
  positives: number;
  negatives: number;
  auc: number | null;
}

export interface OrdinalSummary {
  levels: number[];
  spearman: number | null;
  cumulative: CumulativeAuc[];
}

/**
 * How well one score orders an ordinal outcome (a 1–5 rating, say): Spearman's ρ over the whole
 * scale, and one AUC per cut "≥ k" so it shows where on the scale the score discriminates (a
 * score can tell 4–5 from the rest without telling 1 from 2).
 */
export function ordinalSummary(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  /** Optional strata (outer folds): then only same-stratum comparisons count. */
  strata?: ArrayLike<number>,
): OrdinalSummary {
  const levels = ordinalLevels(outcome);
  const cumulative = levels.slice(1).map((threshold) => {
    const labels = Array.from(outcome, (v) => (v >= threshold ? 1 : 0));
    const positives = labels.reduce((s: number, v) => s + v, 0);
    return { threshold, positives, negatives: labels.length - positives, auc: auc(scores, labels, strata) };
  });
  return { levels, spearman: strata ? stratifiedSpearman(scores, outcome, strata) : spearman(scores, outcome), cumulative };
}

/** Distinct integer levels, ascending; anything else is rejected. */
export function ordinalLevels(outcome: ArrayLike<number>): number[] {
  const levels = new Set<number>();
  for (let i = 0; i < outcome.length; i++) {
    if (!Number.isInteger(outcome[i])) throw new Error(`outcome ${i} is ${outcome[i]}, not an integer level`);
    levels.add(outcome[i]);
  }
  return [...levels].sort((a, b) => a - b);
}
