import { checkBinary } from './auc';
import { averageRanks } from './ranks';

// Math is read through module constants because hot loops run under jest's vm sandbox too,
// where every global lookup costs ~100× a local one.
const { floor, max, min, sqrt } = Math;

export interface CalibrationBin {
  /** 0-based bin index, lowest predictions first. */
  bin: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
  /** 95% Wilson interval of the observed rate: small bins are noisy and should look it. */
  observedLower: number;
  observedUpper: number;
}

/**
 * Reliability curve on quantile bins of the predictions: within each bin, the mean predicted
 * probability beside the observed rate. Quantile (equal-count) bins rather than fixed-width
 * ones, because a weak model's predictions crowd into a narrow band and fixed bins would leave
 * most of them empty. Tied predictions always share a bin (bins follow average ranks), so a bin
 * can hold more or fewer than n/bins rows and fewer bins than asked may come back.
 */
export function calibrationCurve(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  checkBinary(probabilities, labels);
  const n = labels.length;
  const ranks = averageRanks(probabilities);
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const b = min(bins - 1, floor(((ranks[i] - 0.5) / n) * bins));
    count[b]++;
    predicted[b] += probabilities[i];
    observed[b] += labels[i];
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    const [observedLower, observedUpper] = wilsonInterval(observed[b], count[b]);
    out.push({
      bin: b,
      count: count[b],
      meanPredicted: predicted[b] / count[b],
      observedRate: observed[b] / count[b],
      observedLower,
      observedUpper,
    });
  }
  return out;
}

/** Wilson score interval for a binomial proportion (z = 1.96 for 95%). */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return [max(0, centre - half), min(1, centre + half)];
}
