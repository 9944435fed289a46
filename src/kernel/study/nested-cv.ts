import { auc } from './auc';
import { type GroupId, groupKFold } from './group-folds';
import { fitStandardized, type LogisticModel, type LogisticWarmStart, warmStartFor } from './logistic-regression';
import { logLoss } from './probability-scores';
import { deriveSeed } from './random';
import { type StandardizedDesign, standardizeDesign } from './standardized-design';

/**
 * The L2 grid, tenfold steps. λ sits beside a *sum* of log-losses, so the useful range grows
 * with n: 0.01–10 matter for a few hundred pairs, while 5,000 pairs with hundreds of weak
 * features need 1,000 or more before the probabilities stop being too extreme. The cheap ends
 * cost little (warm starts), a grid too short costs calibration.
 */
export const DEFAULT_LAMBDAS: readonly number[] = [0.01, 0.1, 1, 10, 100, 1000, 10000];

export interface NestedCvOptions {
  seed: number;
  lambdas?: readonly number[];
  outerFolds?: number;
  innerFolds?: number;
  /** Called as each outer fold starts and before the final fit (a long study reports its progress). */
  onProgress?: (p: { stage: string; fraction: number }) => void;
}

export interface OuterFoldReport {
  fold: number;
  trainRows: number;
  testRows: number;
  /** λ chosen by this fold's inner cross-validation (null: no model could be fitted). */
  lambda: number | null;
  /** Pooled inner out-of-fold log-loss per λ of the grid (null where not computed). */
  innerLogLoss: (number | null)[];
  note?: string;
}

export interface NestedCvResult {
  /**
   * Nested out-of-fold probabilities: row i is predicted by a model fitted without its outer
   * fold, with a λ chosen without its outer fold either. The honest estimate.
   */
  outOfFold: number[];
  /** AUC over pairs within the same outer fold (see `stratifiedAuc` for why not pooled). */
  outOfFoldAuc: number | null;
  /** AUC pooling all folds' predictions: biased low when there is no signal; shown for comparison. */
  pooledOutOfFoldAuc: number | null;
  /** Outer fold (0-based) that held each row out. */
  foldOfRow: number[];
  lambdas: number[];
  outerK: number;
  leaveOneGroupOut: boolean;
  folds: OuterFoldReport[];
  /**
   * Out-of-fold log-loss of each λ over the outer folds (not nested: used only to pick the final
   * model's λ, never to report performance).
   */
  cvLogLossByLambda: number[];
  finalLambda: number;
  /** Fitted on all rows with finalLambda: the coefficients to report. */
  finalModel: LogisticModel;
  /** The final model's predictions on its own training rows. */
  inSample: number[];
  /** Fits (of all the study's) that hit the iteration cap before converging; 0 is expected. */
  unconvergedFits: number;
  fits: number;
  /** In-sample AUC: beside the out-of-fold AUC, the gap is the optimism (overfitting). */
  inSampleAuc: number | null;
}

/**
 * Nested, group-aware cross-validation of the L2 logistic model.
 *
 * Outer loop: K group folds; each fold is predicted by a model fitted on the others. Inner loop:
 * inside each outer training set, a second group K-fold picks λ from the grid by pooled
 * out-of-fold log-loss (a proper score, so λ is chosen for honest probabilities, not just for
 * ranking). Choosing λ on the same folds that are then scored would leak the test fold into the
 * model choice and flatter the estimate; the nesting prevents that. Ties in inner log-loss go to
 * the larger λ (the simpler model).
 *
 * Work is shared: on each training set the grid is fitted from the strongest λ down, each fit
 * warm-started from the previous one (solution and XᵀWX), and the inner fits warm-start from
 * the outer fit at the same λ. Every fit still runs to the same convergence tolerance.
 */
export function nestedCrossValidate(
  x: readonly (readonly number[])[],
  y: readonly number[],
  groups: readonly GroupId[],
  options: NestedCvOptions,
): NestedCvResult {
  const n = x.length;
  if (y.length !== n || groups.length !== n) {
    throw new Error(`features (${n}), outcome (${y.length}) and groups (${groups.length}) differ in length`);
  }
  const allRate = rate(y, null);
  if (allRate === 0 || allRate === 1) throw new Error('the outcome has one class only: nothing to predict');
  const lambdas = [...(options.lambdas ?? DEFAULT_LAMBDAS)].sort((a, b) => a - b);
  if (lambdas.length === 0 || lambdas.some((l) => !(l > 0))) throw new Error('λ grid must be positive numbers');
  const outer = groupKFold(groups, options.outerFolds ?? 5, deriveSeed(options.seed, 'outer-folds'));
  const innerK = options.innerFolds ?? 5;

  const tally = { fits: 0, unconverged: 0 };
  const outOfFold = new Array<number>(n).fill(NaN);
  const foldOfRow = new Array<number>(n).fill(-1);
  outer.folds.forEach((fold, f) => fold.test.forEach((row) => (foldOfRow[row] = f)));
  const byLambda = lambdas.map(() => new Array<number>(n).fill(NaN));
  const folds: OuterFoldReport[] = [];

  outer.folds.forEach((fold, f) => {
    options.onProgress?.({ stage: 'cross-validation', fraction: f / outer.folds.length });
    const report: OuterFoldReport = {
      fold: f,
      trainRows: fold.train.length,
      testRows: fold.test.length,
      lambda: null,
      innerLogLoss: lambdas.map(() => null),
    };
    folds.push(report);
    const trainRate = rate(y, fold.train);
    if (trainRate === 0 || trainRate === 1) {
      // No model can be fitted on one class; the honest prediction is the training base rate.
      const constant = clip(trainRate);
      for (const row of fold.test) {
        outOfFold[row] = constant;
        byLambda.forEach((predictions) => (predictions[row] = constant));
      }
      report.note = 'training rows hold one class only: predicted the training base rate';
      return;
    }

    const design = standardizeDesign(x, fold.train);
    const path = fitPath(design, pick(y, fold.train), lambdas, tally);
    path.forEach((model, l) => {
      const predictions = model.predict(x, fold.test);
      fold.test.forEach((row, i) => (byLambda[l][row] = predictions[i]));
    });

    const innerSeed = deriveSeed(options.seed, `inner-${f}`);
    const inner = innerLogLoss(x, y, groups, fold.train, lambdas, innerK, innerSeed, design, path, tally);
    let chosen: number;
    if (inner === null) {
      // One group in the outer training rows: nothing to cross-validate on. Take the middle of
      // the grid and say so.
      chosen = Math.floor(lambdas.length / 2);
      report.note = 'one group in the training rows: no inner cross-validation, λ from the middle of the grid';
    } else {
      report.innerLogLoss = inner;
      chosen = 0;
      inner.forEach((loss, l) => {
        // `<=` walks up the ascending grid, so ties go to the larger λ.
        if (loss !== null && (inner[chosen] === null || loss <= inner[chosen]!)) chosen = l;
      });
    }
    report.lambda = lambdas[chosen];
    for (const row of fold.test) outOfFold[row] = byLambda[chosen][row];
  });

  const cvLogLossByLambda = byLambda.map((predictions) => logLoss(predictions, y));
  let best = 0;
  cvLogLossByLambda.forEach((loss, l) => {
    if (loss <= cvLogLossByLambda[best]) best = l;
  });
  const finalLambda = lambdas[best];
  options.onProgress?.({ stage: 'final-model', fraction: 0 });
  const finalModel = fitStandardized(standardizeDesign(x), y, { lambda: finalLambda });
  const inSample = finalModel.predict(x);

  return {
    outOfFold,
    outOfFoldAuc: auc(outOfFold, y, foldOfRow),
    pooledOutOfFoldAuc: auc(outOfFold, y),
    foldOfRow,
    lambdas,
    outerK: outer.k,
    leaveOneGroupOut: outer.leaveOneGroupOut,
    folds,
    cvLogLossByLambda,
    finalLambda,
    finalModel,
    inSample,
    inSampleAuc: auc(inSample, y),
    unconvergedFits: tally.unconverged + (finalModel.converged ? 0 : 1),
    fits: tally.fits + 1,
  };
}

/** Fits the whole grid on one design, strongest λ first, each warm-started from the last. */
function fitPath(
  design: StandardizedDesign,
  labels: Float64Array,
  lambdas: readonly number[],
  tally: { fits: number; unconverged: number },
  warmByLambda?: (LogisticWarmStart | null)[],
): LogisticModel[] {
  const models = new Array<LogisticModel>(lambdas.length);
  let previous: LogisticWarmStart | undefined;
  for (let l = lambdas.length - 1; l >= 0; l--) {
    const warmStart = warmByLambda?.[l] ?? previous;
    models[l] = fitStandardized(design, labels, { lambda: lambdas[l], warmStart });
    previous = models[l].warmStart;
    tally.fits++;
    if (!models[l].converged) tally.unconverged++;
  }
  return models;
}

/** Pooled inner out-of-fold log-loss per λ, or null when the rows hold a single group. */
function innerLogLoss(
  x: readonly (readonly number[])[],
  y: readonly number[],
  groups: readonly GroupId[],
  rows: readonly number[],
  lambdas: readonly number[],
  k: number,
  seed: number,
  outerDesign: StandardizedDesign,
  outerPath: LogisticModel[],
  tally: { fits: number; unconverged: number },
): (number | null)[] | null {
  if (new Set(rows.map((r) => groups[r])).size < 2) return null;
  const split = groupKFold(groups, k, seed, rows);
  const lossSum = lambdas.map(() => 0);
  let scored = 0;
  for (const fold of split.folds) {
    const trainRate = rate(y, fold.train);
    let predictionsByLambda: number[][];
    if (trainRate === 0 || trainRate === 1) {
      predictionsByLambda = lambdas.map(() => fold.test.map(() => clip(trainRate)));
    } else {
      const design = standardizeDesign(x, fold.train);
      // Warm start from the outer fit at the same λ, re-expressed on this design's scale; its
      // XᵀWX is over more rows, so it is scaled down to this training set's size.
      const warm = outerPath.map((model) => warmStartFor(model, design, design.rows / outerDesign.rows));
      const path = fitPath(design, pick(y, fold.train), lambdas, tally, warm);
      predictionsByLambda = path.map((model) => model.predict(x, fold.test));
    }
    const labels = fold.test.map((r) => y[r]);
    predictionsByLambda.forEach((predictions, l) => (lossSum[l] += logLoss(predictions, labels) * labels.length));
    scored += labels.length;
  }
  return lossSum.map((sum) => sum / scored);
}

function rate(y: readonly number[], rows: readonly number[] | null): number {
  let sum = 0;
  const count = rows ? rows.length : y.length;
  for (let i = 0; i < count; i++) sum += y[rows ? rows[i] : i];
  return sum / count;
}

function pick(y: readonly number[], rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (r) => y[r]);
}

function clip(p: number): number {
  return Math.min(Math.max(p, 1e-6), 1 - 1e-6);
}
