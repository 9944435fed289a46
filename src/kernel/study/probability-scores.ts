import { checkBinary } from './auc';

// Math is read through module constants because hot loops run under jest's vm sandbox too,
// where every global lookup costs ~100× a local one.
const { log, max, min } = Math;

/**
 * Proper scoring rules for predicted probabilities. Unlike the AUC they punish a model that
 * ranks well but states the wrong probabilities, which is what an analyst reading "62% chance"
 * relies on.
 */

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkBinary(probabilities, labels);
  checkProbabilities(probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

/**
 * Brier skill against the base rate: 1 − Brier / Brier(everyone gets the base rate), where the
 * reference's Brier is ȳ(1 − ȳ). Zero means no better than quoting the base rate to everyone,
 * negative means worse. The reference uses the base rate of the data scored, which is slightly
 * generous to the reference when scoring out-of-fold predictions (it has seen every outcome) —
 * the conservative direction.
 */
export function brierSkill(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const rate = mean(labels);
  const reference = rate * (1 - rate);
  if (reference === 0) return null;
  return 1 - brierScore(probabilities, labels) / reference;
}

/** Mean negative log-likelihood (natural log); probabilities are clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkBinary(probabilities, labels);
  checkProbabilities(probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = min(max(probabilities[i], 1e-15), 1 - 1e-15);
    sum -= labels[i] === 1 ? log(p) : log(1 - p);
  }
  return sum / labels.length;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('mean of nothing');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

function checkProbabilities(probabilities: ArrayLike<number>): void {
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`probability ${i} is ${p}, outside [0, 1]`);
  }
}
