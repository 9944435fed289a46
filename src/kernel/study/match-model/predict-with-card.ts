import { expectedLevel, monotoneCumulative } from '../cumulative-ordinal';
import { sigmoid } from '../logistic-regression';
import type { ValidityCard } from './validity-card';

export interface CandidatePrediction {
  /**
   * Calibrated probability of a positive outcome (see the card's calibration.method); for an
   * ordinal outcome, of outcome ≥ positiveFrom (with a cumulative model, after the monotone
   * adjustment across cuts, which can move it slightly off baselineLogOdds + Σ contribution).
   */
  probability: number;
  /** 95% interval: the Wilson interval of the observed rate in the out-of-fold decile this pair falls in. */
  low: number;
  high: number;
  /**
   * Each feature's push on the calibrated log-odds relative to a pair at every feature's mean,
   * largest first: baselineLogOdds + Σ contribution = logit(probability).
   */
  contributions: { feature: string; description: string; value: number | null; contribution: number }[];
  /** Features not given (or not finite): imputed with the training mean, so they contribute 0. */
  missing: string[];
  /** The calibrated log-odds of a pair at every feature's mean. */
  baselineLogOdds: number;
  /** The model's own probability before recalibration. */
  modelProbability: number;
  /** Cumulative ordinal models: P(outcome ≥ k) for every cut (calibrated, monotone) and the expected level. */
  ordinal: { levels: number[]; positiveFrom: number; cumulative: { threshold: number; probability: number }[]; expectedLevel: number } | null;
}

/** Scores one pair with a match model. Values are keyed by feature name (see featureValuesForPair). */
export function predictWithCard(card: ValidityCard, values: Record<string, number | null | undefined>): CandidatePrediction {
  const { intercept: a, slope: b } = card.recalibration;
  const missing: string[] = [];
  let logit = card.intercept;
  const z = card.features.map((f) => {
    const given = values[f.name];
    const known = typeof given === 'number' && Number.isFinite(given);
    return known && f.sd > 0 ? (given - f.mean) / f.sd : 0;
  });
  const contributions = card.features.map((f, j) => {
    const given = values[f.name];
    const known = typeof given === 'number' && Number.isFinite(given);
    if (!known) missing.push(f.name);
    logit += f.coefficient * z[j];
    // + 0 turns −0 (a negative coefficient at the mean) into 0.
    return { feature: f.name, description: f.description, value: known ? given : null, contribution: b * f.coefficient * z[j] + 0 };
  });
  contributions.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || x.feature.localeCompare(y.feature));
  const modelProbability = sigmoid(logit);
  const bin = binOf(card.calibration.bins, modelProbability);
  const ordinal = ordinalPrediction(card, z);
  return {
    probability: ordinal ? ordinal.cumulative.find((c) => c.threshold === ordinal.positiveFrom)!.probability : sigmoid(a + b * logit),
    low: bin ? bin.low : 0,
    high: bin ? bin.high : 1,
    contributions,
    missing,
    baselineLogOdds: a + b * card.intercept,
    modelProbability,
    ordinal,
  };
}

/** Every cut's calibrated P(outcome ≥ k), made monotone across cuts, and the expected level. */
function ordinalPrediction(card: ValidityCard, z: readonly number[]): CandidatePrediction['ordinal'] {
  const ordinal = card.ordinal;
  if (!ordinal || ordinal.model !== 'cumulative') return null;
  const raw = ordinal.cuts.map((cut) => {
    const logit = cut.coefficients.reduce((s, c, j) => s + c * z[j], cut.intercept);
    return sigmoid(cut.recalibration.intercept + cut.recalibration.slope * logit);
  });
  const monotone = monotoneCumulative(raw);
  return {
    levels: ordinal.levels,
    positiveFrom: ordinal.positiveFrom,
    cumulative: ordinal.cuts.map((cut, c) => ({ threshold: cut.threshold, probability: monotone[c] })),
    expectedLevel: expectedLevel(ordinal.levels, monotone),
  };
}

/** The decile whose range holds p, else the nearest one (p beyond every out-of-fold prediction). */
function binOf(bins: ValidityCard['calibration']['bins'], p: number): ValidityCard['calibration']['bins'][number] | null {
  let best: ValidityCard['calibration']['bins'][number] | null = null;
  let distance = Infinity;
  for (const bin of bins) {
    const d = p < bin.from ? bin.from - p : p > bin.to ? p - bin.to : 0;
    if (d < distance) {
      best = bin;
      distance = d;
    }
  }
  return best;
}
