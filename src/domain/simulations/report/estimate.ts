import { bootstrapMeanCi } from './bootstrap';

/** A mean with its 95% bootstrap interval, rounded to 2 decimals; n = 0 means "no data". */
export interface Estimate {
  mean: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

/** Bootstraps on the raw values and rounds only the result, so rounding never shifts the interval. */
export function estimateOf(values: readonly number[], seed: string): Estimate {
  const { mean, ciLow, ciHigh, n } = bootstrapMeanCi(values, { seed });
  return { mean: round2(mean), ciLow: round2(ciLow), ciHigh: round2(ciHigh), n };
}

/** Rounds half away from zero; the epsilon keeps 1.005 from rounding down through its binary form. */
export function round2(value: number): number {
  const rounded = Math.sign(value) * (Math.round((Math.abs(value) + Number.EPSILON) * 100) / 100);
  // -0 would print as "-0.00" in toFixed and differ from 0 for Object.is; normalise it.
  return rounded === 0 ? 0 : rounded;
}
