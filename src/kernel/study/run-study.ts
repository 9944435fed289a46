import { auc } from './auc';
import { deltaInterval, type DeltaInterval, groupBootstrapAucs, type Interval, summarise } from './bootstrap';
import { type CalibrationBin, calibrationCurve } from './calibration';
import { type FairnessReport, fairnessReport } from './fairness';
import type { GroupId } from './group-folds';
import { fitLogistic } from './logistic-regression';
import { DEFAULT_LAMBDAS, nestedCrossValidate } from './nested-cv';
import { ordinalLevels, type OrdinalSummary, ordinalSummary } from './ordinal';
import { aucPower, type PowerNote } from './power';
import { brierScore, brierSkill, logLoss } from './probability-scores';
import { stratifiedSpearman } from './rank-correlation';
import { deriveSeed } from './random';
import { writeCaveats } from './study-caveats';

export interface StudyInput {
  /** One row per pair, one column per feature; finite numbers (impute before). */
  features: readonly (readonly number[])[];
  featureNames: readonly string[];
  /** 0/1, or ordinal integer levels (e.g. a 1–5 rating). */
  outcome: readonly number[];
  /** The unit of independence (wave, or person): folds and bootstrap never split a group. */
  groups: readonly GroupId[];
  /** Existing scores to beat (higher = more likely positive); used as given, never fitted. */
  baselines?: readonly { name: string; score: readonly number[] }[];
  fairnessAttribute?: { name: string; values: readonly (string | number | null)[] };
  seed: number;
  options?: StudyOptions;
}

export interface StudyOptions {
  lambdas?: readonly number[];
  outerFolds?: number;
  innerFolds?: number;
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
  /** Ordinal outcomes: the level from which a pair counts as positive for the model (default: the most balanced split). */
  ordinalPositiveFrom?: number;
  /** Decision threshold for the fairness rates (default: the base rate). */
  fairnessThreshold?: number;
  /** Half-width the power note aims for (default 0.05). */
  targetHalfWidth?: number;
  /** Progress of the long stages (cross-validation folds, the final fit, the bootstrap). */
  onProgress?: (p: { stage: string; fraction: number }) => void;
}

export interface BaselineResult {
  name: string;
  auc: number | null;
  interval: Interval;
  /** Model AUC minus this baseline's, paired over the same group resamples. */
  delta: DeltaInterval;
  /** Ordinal outcomes: the baseline's Spearman ρ with the outcome (within folds, like the model's). */
  spearman: number | null;
}

export interface StudyResult {
  n: number;
  groups: number;
  features: number;
  outcome: { kind: 'binary' | 'ordinal'; levels: number[]; positiveFrom: number | null };
  positives: number;
  baseRate: number;
  crossValidation: {
    outerFolds: number;
    innerFolds: number;
    leaveOneGroupOut: boolean;
    lambdaGrid: number[];
    /** λ chosen by each outer fold's inner cross-validation. */
    lambdaPerFold: (number | null)[];
    /** λ of the final (reported) model, chosen on all data. */
    chosenLambda: number;
    cvLogLossByLambda: number[];
    /** Logistic fits run, and how many hit the iteration cap (their predictions are approximate). */
    fits: number;
    unconvergedFits: number;
    notes: string[];
  };
  /**
   * The honest figures: nested, group-aware out-of-fold predictions. AUCs count pairs within the
   * same outer fold. The interval resamples groups with the predictions held fixed (the model
   * is not refitted per resample), so it is somewhat narrower than one that also carried the
   * fitting's variability.
   */
  outOfFold: {
    auc: number | null;
    interval: Interval;
    brier: number;
    brierSkill: number | null;
    logLoss: number;
    calibration: CalibrationBin[];
    /** Slope of logit(outcome) on logit(prediction): 1 is ideal, < 1 too extreme, > 1 too timid. */
    calibrationSlope: number | null;
    /** Mean prediction minus base rate. */
    calibrationInTheLarge: number;
  };
  /** The final model scored on its own training data: optimistic by construction. */
  inSample: { auc: number | null; brier: number };
  /** In-sample minus out-of-fold AUC. */
  optimism: number | null;
  baselines: BaselineResult[];
  /** Ordinal outcomes: the out-of-fold predictions against the whole scale. */
  ordinal: OrdinalSummary | null;
  power: PowerNote | null;
  fairness: FairnessReport | null;
  intercept: number;
  /** Final model, fitted on all rows with chosenLambda. */
  coefficients: { name: string; standardized: number; raw: number; used: boolean }[];
  outOfFoldPredictions: number[];
  caveats: string[];
}

/**
 * One validation study: how well do these features predict this outcome, honestly measured?
 *
 * A pure function of its input (no I/O, deterministic given the seed): nested group-aware
 * cross-validation of an L2 logistic model, a group-bootstrap interval for the out-of-fold AUC,
 * the in-sample AUC beside it so overfitting shows, paired comparisons with baseline scores,
 * proper scores and calibration, a power note, fairness across one attribute, and caveats
 * written from the numbers.
 */
export function runStudy(input: StudyInput): StudyResult {
  const options = input.options ?? {};
  validate(input);
  const n = input.outcome.length;
  const levels = ordinalLevels(input.outcome);
  if (levels.length < 2) throw new Error('the outcome takes a single value: nothing to predict');
  const binary = levels.length === 2 && levels[0] === 0 && levels[1] === 1;
  const positiveFrom = binary ? null : (options.ordinalPositiveFrom ?? balancedCut(input.outcome, levels));
  if (positiveFrom !== null && !(positiveFrom > levels[0] && positiveFrom <= levels[levels.length - 1])) {
    throw new Error(`ordinalPositiveFrom ${positiveFrom} leaves one class empty`);
  }
  const labels = input.outcome.map((v) => (positiveFrom === null ? v : v >= positiveFrom ? 1 : 0));
  const positives = labels.reduce((s: number, v) => s + v, 0);
  const baseRate = positives / n;
  const groupCount = new Set(input.groups).size;

  const cv = nestedCrossValidate(input.features, labels, input.groups, {
    seed: deriveSeed(input.seed, 'cross-validation'),
    lambdas: options.lambdas ?? DEFAULT_LAMBDAS,
    outerFolds: options.outerFolds,
    innerFolds: options.innerFolds,
    onProgress: options.onProgress,
  });
  options.onProgress?.({ stage: 'bootstrap', fraction: 0 });
  const oof = cv.outOfFold;

  // Every AUC of the study counts positive–negative pairs within the same outer fold, the
  // model's and the baselines' alike, so their differences compare like with like (see
  // `stratifiedAuc`: pooling folds biases a cross-validated AUC downward when signal is weak).
  const strata = cv.foldOfRow;
  const baselines = input.baselines ?? [];
  const draws = groupBootstrapAucs(
    [oof, ...baselines.map((b) => b.score)],
    labels,
    input.groups,
    { seed: deriveSeed(input.seed, 'bootstrap'), resamples: options.resamples ?? 1000, strata },
  );
  const level = 0.95;
  const interval = summarise(cv.outOfFoldAuc, draws[0], level);
  const baselineResults: BaselineResult[] = baselines.map((b, k) => {
    const baselineAuc = auc(b.score, labels, strata);
    return {
      name: b.name,
      auc: baselineAuc,
      interval: summarise(baselineAuc, draws[k + 1], level),
      delta: deltaInterval(cv.outOfFoldAuc, baselineAuc, draws[0], draws[k + 1], level),
      spearman: binary ? null : stratifiedSpearman(b.score, input.outcome, strata),
    };
  });

  const meanPrediction = oof.reduce((s, p) => s + p, 0) / n;
  const outOfFold = {
    auc: cv.outOfFoldAuc,
    interval,
    brier: brierScore(oof, labels),
    brierSkill: brierSkill(oof, labels),
    logLoss: logLoss(oof, labels),
    calibration: calibrationCurve(oof, labels, 10),
    calibrationSlope: calibrationSlope(oof, labels),
    calibrationInTheLarge: meanPrediction - baseRate,
  };
  const inSample = { auc: cv.inSampleAuc, brier: brierScore(cv.inSample, labels) };
  const optimism = inSample.auc !== null && outOfFold.auc !== null ? inSample.auc - outOfFold.auc : null;
  const power =
    outOfFold.auc === null
      ? null
      : aucPower({
          auc: outOfFold.auc,
          positives,
          negatives: n - positives,
          target: options.targetHalfWidth,
          bootstrapStandardError: interval.standardError,
        });
  const fairness = input.fairnessAttribute
    ? fairnessReport(oof, labels, input.fairnessAttribute, {
        threshold: options.fairnessThreshold,
        strata,
        clusters: input.groups,
        seed: deriveSeed(input.seed, 'fairness'),
      })
    : null;
  const ordinal = binary ? null : ordinalSummary(oof, input.outcome, strata);

  const result: StudyResult = {
    n,
    groups: groupCount,
    features: input.featureNames.length,
    outcome: { kind: binary ? 'binary' : 'ordinal', levels, positiveFrom },
    positives,
    baseRate,
    crossValidation: {
      outerFolds: cv.outerK,
      innerFolds: options.innerFolds ?? 5,
      leaveOneGroupOut: cv.leaveOneGroupOut,
      lambdaGrid: cv.lambdas,
      lambdaPerFold: cv.folds.map((f) => f.lambda),
      chosenLambda: cv.finalLambda,
      cvLogLossByLambda: cv.cvLogLossByLambda,
      fits: cv.fits,
      unconvergedFits: cv.unconvergedFits,
      notes: cv.folds.filter((f) => f.note).map((f) => `fold ${f.fold + 1}: ${f.note}`),
    },
    outOfFold,
    inSample,
    optimism,
    baselines: baselineResults,
    ordinal,
    power,
    fairness,
    intercept: cv.finalModel.intercept,
    coefficients: input.featureNames.map((name, j) => ({
      name,
      standardized: cv.finalModel.coefficientsStandardized[j],
      raw: cv.finalModel.coefficients[j],
      used: cv.finalModel.used[j],
    })),
    outOfFoldPredictions: oof,
    caveats: [],
  };
  result.caveats = writeCaveats(result, options.resamples ?? 1000);
  options.onProgress?.({ stage: 'done', fraction: 1 });
  return result;
}

/** The level k whose split "≥ k" is closest to half the rows. */
function balancedCut(outcome: readonly number[], levels: number[]): number {
  let best = levels[1];
  let bestDistance = Infinity;
  for (const k of levels.slice(1)) {
    const share = outcome.filter((v) => v >= k).length / outcome.length;
    if (Math.abs(share - 0.5) < bestDistance) {
      best = k;
      bestDistance = Math.abs(share - 0.5);
    }
  }
  return best;
}

/** Unpenalised logistic slope of the outcome on the predictions' log-odds. */
function calibrationSlope(predictions: readonly number[], labels: readonly number[]): number | null {
  const logits = predictions.map((p) => {
    const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
    return [Math.log(q / (1 - q))];
  });
  const model = fitLogistic(logits, labels, { lambda: 0, maxIterations: 50 });
  return model.used[0] && model.converged ? model.coefficients[0] : null;
}

function validate(input: StudyInput): void {
  const n = input.outcome.length;
  if (n === 0) throw new Error('no rows');
  if (input.features.length !== n) throw new Error(`features have ${input.features.length} rows, the outcome ${n}`);
  if (input.groups.length !== n) throw new Error(`groups have ${input.groups.length} rows, the outcome ${n}`);
  const p = input.featureNames.length;
  input.features.forEach((row, i) => {
    if (row.length !== p) throw new Error(`feature row ${i} has ${row.length} values for ${p} names`);
  });
  for (const b of input.baselines ?? []) {
    if (b.score.length !== n) throw new Error(`baseline ${b.name} has ${b.score.length} scores for ${n} rows`);
    if (b.score.some((v) => !Number.isFinite(v))) throw new Error(`baseline ${b.name} has a missing or infinite score`);
  }
  if (input.fairnessAttribute && input.fairnessAttribute.values.length !== n) {
    throw new Error(`fairness attribute has ${input.fairnessAttribute.values.length} values for ${n} rows`);
  }
}
