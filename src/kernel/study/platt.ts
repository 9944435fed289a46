import { fitLogistic } from './logistic-regression';

/** calibrated log-odds = intercept + slope × the model's log-odds; identity (0, 1) when it could not be fitted. */
export interface PlattRecalibration {
  intercept: number;
  slope: number;
  fitted: boolean;
}

/**
 * Platt scaling (Platt 1999): an unpenalised logistic fit of the outcome on the log-odds of
 * out-of-fold predictions, so it learns how far the cross-validated models' probabilities are
 * off, not how well the final model fits its own rows.
 */
export function plattRecalibration(predictions: readonly number[], labels: readonly number[]): PlattRecalibration {
  const logits = predictions.map((p) => {
    const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
    return [Math.log(q / (1 - q))];
  });
  const model = fitLogistic(logits, labels, { lambda: 0, maxIterations: 50 });
  if (!model.converged || !model.used[0] || !Number.isFinite(model.coefficients[0])) return { intercept: 0, slope: 1, fitted: false };
  return { intercept: model.intercept, slope: model.coefficients[0], fitted: true };
}
