import { sigmoid } from '../logistic-regression';
import type { ValidityCard } from './validity-card';

export interface CandidatePrediction {
  /** Calibrated probability of a positive outcome (see the card's calibration.method). */
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
}

/** Scores one pair with a match model. Values are keyed by feature name (see featureValuesForPair). */
export function predictWithCard(card: ValidityCard, values: Record<string, number | null | undefined>): CandidatePrediction {
  const { intercept: a, slope: b } = card.recalibration;
  const missing: string[] = [];
  let logit = card.intercept;
  const contributions = card.features.map((f) => {
    const given = values[f.name];
    const known = typeof given === 'number' && Number.isFinite(given);
    if (!known) missing.push(f.name);
    const x = known ? given : f.mean;
    const z = f.sd > 0 ? (x - f.mean) / f.sd : 0;
    logit += f.coefficient * z;
    // + 0 turns −0 (a negative coefficient at the mean) into 0.
    return { feature: f.name, description: f.description, value: known ? given : null, contribution: b * f.coefficient * z + 0 };
  });
  contributions.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || x.feature.localeCompare(y.feature));
  const modelProbability = sigmoid(logit);
  const bin = binOf(card.calibration.bins, modelProbability);
  return {
    probability: sigmoid(a + b * logit),
    low: bin ? bin.low : 0,
    high: bin ? bin.high : 1,
    contributions,
    missing,
    baselineLogOdds: a + b * card.intercept,
    modelProbability,
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
