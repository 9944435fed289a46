import { auc } from './auc';
import type { Interval } from './bootstrap';
import type { PlattRecalibration } from './platt';
import { spearman, stratifiedSpearman } from './rank-correlation';

/**
 * How an ordinal outcome was modelled: `cumulative` fits one model per cut P(Y ≥ k) (Frank &
 * Hall 2001) and scores the expected level; `threshold` fits a single model to Y ≥ positiveFrom
 * and orders the scale by that one probability.
 */
export type OrdinalModelKind = 'cumulative' | 'threshold';

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

/** One cut of the cumulative model: its final fit (all rows, its own λ) and its cross-validation. */
export interface OrdinalCutModel {
  threshold: number;
  positives: number;
  /** λ of the final fit, and the one each outer fold's inner cross-validation chose. */
  lambda: number;
  lambdaPerFold: (number | null)[];
  /** Intercept and coefficients on the features' own units, as StudyResult.coefficients. */
  intercept: number;
  coefficients: { name: string; standardized: number; raw: number; used: boolean }[];
  inSampleAuc: number | null;
  /** Platt recalibration of this cut, fitted on its monotone out-of-fold probabilities. */
  recalibration: PlattRecalibration;
}

/** What a study reports about an ordinal outcome, beside the figures at the positiveFrom cut. */
export interface OrdinalResult extends OrdinalSummary {
  model: OrdinalModelKind;
  /** What the Spearman ρ and the cumulative AUCs score: the expected level, or the one probability. */
  score: 'expected-level' | 'probability';
  /** Spearman ρ with its 95% group-bootstrap interval (predictions held fixed, as the AUC's). */
  spearmanInterval: Interval;
  /** Cumulative model: one per cut (empty for the threshold model). */
  cuts: OrdinalCutModel[];
}

/**
 * How well one score orders an ordinal outcome (a 1–5 rating, say): Spearman's ρ over the whole
 * scale, and one AUC per cut "≥ k" so it shows where on the scale the score discriminates (a
 * score can tell 4–5 from the rest without telling 1 from 2).
 */
export function ordinalSummary(
  /** One score for every cut, or the score of each cut (a cumulative model's P(Y ≥ k)). */
  scores: ArrayLike<number> | ((threshold: number) => ArrayLike<number>),
  outcome: ArrayLike<number>,
  /** Optional strata (outer folds): then only same-stratum comparisons count. */
  strata?: ArrayLike<number>,
): OrdinalSummary {
  const levels = ordinalLevels(outcome);
  const cumulative = levels.slice(1).map((threshold) => {
    const labels = Array.from(outcome, (v) => (v >= threshold ? 1 : 0));
    const positives = labels.reduce((s: number, v) => s + v, 0);
    const cutScores = typeof scores === 'function' ? scores(threshold) : scores;
    return { threshold, positives, negatives: labels.length - positives, auc: auc(cutScores, labels, strata) };
  });
  if (typeof scores === 'function') return { levels, spearman: null, cumulative };
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
