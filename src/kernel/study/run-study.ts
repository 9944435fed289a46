import { auc } from './auc';
import { deltaInterval, groupBootstrapAucs, summarise } from './bootstrap';
import { calibrationCurve } from './calibration';
import { type CumulativeOrdinalFit, fitCumulativeOrdinal } from './cumulative-ordinal';
import { fairnessReport } from './fairness';
import { imputeByFold } from './fold-imputation';
import type { GroupId } from './group-folds';
import { fitLogistic, type LogisticModel } from './logistic-regression';
import { DEFAULT_LAMBDAS, nestedCrossValidate, type NestedCvResult } from './nested-cv';
import { ordinalLevels, type OrdinalModelKind, type OrdinalResult, ordinalSummary } from './ordinal';
import { aucPower } from './power';
import { plattRecalibration } from './platt';
import { brierScore, brierSkill, logLoss } from './probability-scores';
import { stratifiedSpearman } from './rank-correlation';
import { deriveSeed } from './random';
import { groupBootstrapSpearman } from './spearman-bootstrap';
import { writeCaveats } from './study-caveats';

export interface StudyInput {
  /**
   * One row per pair, one column per feature; finite numbers, or NaN for a missing value, which
   * every fit imputes with its own training rows' mean (never the held-out rows').
   */
  features: readonly (readonly number[])[];
  featureNames: readonly string[];
  /** 0/1, or ordinal integer levels (e.g. a 1–5 rating). */
  outcome: readonly number[];
  /** The unit of independence (wave, or person): folds and bootstrap never split a group. */
  groups: readonly GroupId[];
  /** Existing scores to beat (higher = more likely positive); used as given, never fitted. NaN = missing (filled per outer fold from the other folds). */
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
  /** Ordinal outcomes: the level from which a pair counts as positive for the headline figures (default: the most balanced split). */
  ordinalPositiveFrom?: number;
  /** Ordinal outcomes: one model per cut (cumulative, the default) or one model of ≥ positiveFrom (threshold). */
  ordinalModel?: OrdinalModelKind;
  /** Decision threshold for the fairness rates (default: the base rate). */
  fairnessThreshold?: number;
  /** Half-width the power note aims for (default 0.05). */
  targetHalfWidth?: number;
  /** Progress of the long stages (cross-validation folds, the final fit, the bootstrap). */
  onProgress?: (p: { stage: string; fraction: number }) => void;
}

export type { BaselineResult, StudyResult } from './study-result';
import type { BaselineResult, StudyResult } from './study-result';

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
  const ordinalModel: OrdinalModelKind | null = binary ? null : (options.ordinalModel ?? 'cumulative');
  const resamples = options.resamples ?? 1000;

  const cvOptions = {
    seed: deriveSeed(input.seed, 'cross-validation'),
    lambdas: options.lambdas ?? DEFAULT_LAMBDAS,
    outerFolds: options.outerFolds,
    innerFolds: options.innerFolds,
    onProgress: options.onProgress,
  };
  // The headline model: the binary one, or the cumulative model's cut ≥ positiveFrom.
  let cv: NestedCvResult;
  let oof: number[];
  let inSamplePredictions: number[];
  let cumulative: CumulativeOrdinalFit | null = null;
  if (ordinalModel === 'cumulative') {
    cumulative = fitCumulativeOrdinal(input.features, input.outcome, levels, input.groups, cvOptions);
    const c = levels.indexOf(positiveFrom!) - 1;
    cv = cumulative.cuts[c].cv;
    oof = cumulative.outOfFold[c];
    inSamplePredictions = cumulative.inSample[c];
  } else {
    cv = nestedCrossValidate(input.features, labels, input.groups, cvOptions);
    oof = cv.outOfFold;
    inSamplePredictions = cv.inSample;
  }
  const allCvs = cumulative ? cumulative.cuts.map((c) => c.cv) : [cv];
  options.onProgress?.({ stage: 'bootstrap', fraction: 0 });
  // The monotone cumulative probabilities differ slightly from the cut model's raw ones.
  const outOfFoldAuc = cumulative ? auc(oof, labels, cv.foldOfRow) : cv.outOfFoldAuc;

  // Every AUC of the study counts positive–negative pairs within the same outer fold, the
  // model's and the baselines' alike, so their differences compare like with like (see
  // `stratifiedAuc`: pooling folds biases a cross-validated AUC downward when signal is weak).
  const strata = cv.foldOfRow;
  const baselines = (input.baselines ?? []).map((b) => ({ name: b.name, score: imputeByFold(b.score, strata) }));
  const draws = groupBootstrapAucs(
    [oof, ...baselines.map((b) => b.score)],
    labels,
    input.groups,
    { seed: deriveSeed(input.seed, 'bootstrap'), resamples, strata },
  );
  const level = 0.95;
  const interval = summarise(outOfFoldAuc, draws[0], level);
  const baselineResults: BaselineResult[] = baselines.map((b, k) => {
    const baselineAuc = auc(b.score, labels, strata);
    return {
      name: b.name,
      auc: baselineAuc,
      interval: summarise(baselineAuc, draws[k + 1], level),
      delta: deltaInterval(outOfFoldAuc, baselineAuc, draws[0], draws[k + 1], level),
      spearman: binary ? null : stratifiedSpearman(b.score, input.outcome, strata),
    };
  });

  const meanPrediction = oof.reduce((s, p) => s + p, 0) / n;
  const outOfFold = {
    auc: outOfFoldAuc,
    interval,
    brier: brierScore(oof, labels),
    brierSkill: brierSkill(oof, labels),
    logLoss: logLoss(oof, labels),
    calibration: calibrationCurve(oof, labels, 10),
    calibrationSlope: calibrationSlope(oof, labels),
    calibrationInTheLarge: meanPrediction - baseRate,
  };
  const inSample = { auc: cumulative ? auc(inSamplePredictions, labels) : cv.inSampleAuc, brier: brierScore(inSamplePredictions, labels) };
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
  const ordinal = ordinalModel === null ? null : ordinalResult(input, ordinalModel, cumulative, oof, strata, resamples, level);

  const result: StudyResult = {
    n,
    groups: groupCount,
    features: input.featureNames.length,
    outcome: { kind: binary ? 'binary' : 'ordinal', levels, positiveFrom, ordinalModel },
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
      fits: allCvs.reduce((s, c) => s + c.fits, 0),
      unconvergedFits: allCvs.reduce((s, c) => s + c.unconvergedFits, 0),
      notes: cumulative
        ? cumulative.cuts.flatMap((cut) => foldNotes(cut.cv).map((note) => `cut ≥ ${cut.threshold}, ${note}`))
        : foldNotes(cv),
    },
    outOfFold,
    inSample,
    optimism,
    baselines: baselineResults,
    ordinal,
    power,
    fairness,
    intercept: cv.finalModel.intercept,
    coefficients: coefficientsOf(cv.finalModel, input.featureNames),
    outOfFoldPredictions: oof,
    caveats: [],
  };
  result.caveats = writeCaveats(result, resamples);
  options.onProgress?.({ stage: 'done', fraction: 1 });
  return result;
}

function foldNotes(cv: NestedCvResult): string[] {
  return cv.folds.filter((f) => f.note).map((f) => `fold ${f.fold + 1}: ${f.note}`);
}

function coefficientsOf(model: LogisticModel, names: readonly string[]): StudyResult['coefficients'] {
  return names.map((name, j) => ({ name, standardized: model.coefficientsStandardized[j], raw: model.coefficients[j], used: model.used[j] }));
}

/**
 * The ordinal figures: Spearman ρ of the ordinal score (the cumulative model's expected level, or
 * the threshold model's one probability) within folds, with a group-bootstrap interval; one AUC
 * per cut (the cumulative model scores each cut with its own P(Y ≥ k)); the cumulative model's
 * fitted cuts.
 */
function ordinalResult(
  input: StudyInput,
  model: OrdinalModelKind,
  cumulative: CumulativeOrdinalFit | null,
  oof: readonly number[],
  strata: readonly number[],
  resamples: number,
  level: number,
): OrdinalResult {
  const score = cumulative ? cumulative.outOfFoldExpected : oof;
  const summary = cumulative
    ? ordinalSummary((threshold) => cumulative.outOfFold[cumulative.levels.indexOf(threshold) - 1], input.outcome, strata)
    : ordinalSummary(oof, input.outcome, strata);
  const rho = stratifiedSpearman(score, input.outcome, strata);
  const draws = groupBootstrapSpearman(score, input.outcome, input.groups, { seed: deriveSeed(input.seed, 'spearman'), resamples, strata });
  return {
    ...summary,
    spearman: rho,
    model,
    score: cumulative ? 'expected-level' : 'probability',
    spearmanInterval: summarise(rho, draws, level),
    cuts: (cumulative?.cuts ?? []).map((cut, c) => ({
      threshold: cut.threshold,
      positives: cut.positives,
      lambda: cut.cv.finalLambda,
      lambdaPerFold: cut.cv.folds.map((f) => f.lambda),
      intercept: cut.cv.finalModel.intercept,
      coefficients: coefficientsOf(cut.cv.finalModel, input.featureNames),
      inSampleAuc: cut.cv.inSampleAuc,
      recalibration: plattRecalibration(
        cumulative!.outOfFold[c],
        input.outcome.map((v) => (v >= cut.threshold ? 1 : 0)),
      ),
    })),
  };
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
    if (b.score.some((v) => !Number.isFinite(v) && !Number.isNaN(v))) throw new Error(`baseline ${b.name} has an infinite score`);
  }
  if (input.fairnessAttribute && input.fairnessAttribute.values.length !== n) {
    throw new Error(`fairness attribute has ${input.fairnessAttribute.values.length} values for ${n} rows`);
  }
}
