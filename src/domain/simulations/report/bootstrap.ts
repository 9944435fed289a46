import { seededRandom } from './seeded-random';

export interface BootstrapOptions {
  /** Same seed and values → same interval, so reports can be reproduced byte for byte. */
  seed: string;
  /** Number of resamples; 2000 keeps the 2.5% tails stable to about ±0.05 on a 0–10 scale. */
  resamples?: number;
  /** Two-sided coverage, strictly between 0 and 1. */
  confidence?: number;
}

export interface MeanInterval {
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** How many values the estimate rests on; 0 flags "no data" (then every number is 0). */
  n: number;
}

/**
 * Percentile bootstrap of the mean: resample the values with replacement, take the mean of
 * each resample, and read the interval off the sorted means.
 *
 * Edge cases, chosen so that callers never have to guard against NaN:
 * - n = 0: `{ mean: 0, ciLow: 0, ciHigh: 0, n: 0 }`; `n: 0` is the flag, and renderers
 *   show "no data" rather than the zeros.
 * - n = 1: the interval collapses to the single value; one episode says nothing about spread.
 *
 * With very few, skewed values the percentile interval can miss the sample mean; it is then
 * widened to reach it, because a report showing a mean outside its own interval would be
 * read as a bug, and widening only makes the interval more conservative.
 */
export function bootstrapMeanCi(values: readonly number[], options: BootstrapOptions): MeanInterval {
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  if (values.some((v) => !Number.isFinite(v))) {
    throw new RangeError('bootstrap values must be finite numbers');
  }

  const n = values.length;
  if (n === 0) return { mean: 0, ciLow: 0, ciHigh: 0, n: 0 };
  const mean = meanOf(values);
  if (n === 1) return { mean, ciLow: mean, ciHigh: mean, n: 1 };

  const random = seededRandom(options.seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
    means[r] = sum / n;
  }
  means.sort();

  const tail = (1 - confidence) / 2;
  return {
    mean,
    ciLow: Math.min(quantile(means, tail), mean),
    ciHigh: Math.max(quantile(means, 1 - tail), mean),
    n,
  };
}

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
