import { wilsonInterval } from '../calibration';
import type { StudyDataset } from '../dataset/study-dataset';
import type { StudySchema } from '../dataset/study-schema';
import type { FeatureSet } from '../features/build-features';
import type { OrdinalModelKind } from '../ordinal';
import { plattRecalibration, type PlattRecalibration } from '../platt';
import { averageRanks } from '../ranks';
import type { StudyResult } from '../run-study';

/**
 * A match model as it is kept and cited: the final fitted model of a study with the figures that
 * say how far to trust it, all measured out of fold. Versioned; everything needed to score a new
 * pair is in it (schema, feature means and SDs, coefficients, recalibration).
 */
export interface ValidityCard {
  version: 1;
  modelId: string;
  name: string;
  createdAt: string;
  datasetHash: string;
  n: number;
  groups: number;
  positives: number;
  outcome: StudyResult['outcome'];
  /** coefficient: log-odds per SD of the feature (mean and sd are the training rows'). */
  features: { name: string; description: string; mean: number; sd: number; coefficient: number }[];
  /** Log-odds of a pair at every feature's mean (the standardised scale's intercept). */
  intercept: number;
  lambda: number;
  metrics: {
    auc: number | null;
    aucLow: number | null;
    aucHigh: number | null;
    brier: number;
    brierSkill: number | null;
    inSampleAuc: number | null;
    calibrationSlope: number | null;
  };
  baselines: { name: string; auc: number | null; deltaLow: number | null; deltaHigh: number | null }[];
  calibration: {
    /** Deciles of the out-of-fold predictions: [from, to] is the bin's range of predictions, low–high the Wilson 95% interval of its observed rate. */
    bins: { predictedMean: number; observedRate: number; low: number; high: number; n: number; from: number; to: number }[];
    method: string;
  };
  /**
   * Platt recalibration fitted on the out-of-fold predictions: calibrated log-odds =
   * intercept + slope × the model's log-odds. Identity (0, 1) when it could not be fitted.
   */
  recalibration: PlattRecalibration;
  /**
   * Ordinal outcomes modelled cumulatively: every cut's model, so a new pair gets P(outcome ≥ k)
   * for each k and its expected level. `intercept` and `coefficients` above are the cut
   * ≥ positiveFrom's. Null for binary outcomes and for the threshold model (and absent on
   * cards kept before ordinal models were stored).
   */
  ordinal?: ValidityCardOrdinal | null;
  /** Versions of the LLM-derived features (empty when none). */
  llm: { model: string; promptVersion: string }[];
  /** The schema the features were defined by (featureValuesForPair needs it to score new pairs). */
  schema: StudySchema;
  caveats: string[];
}

export interface ValidityCardOrdinal {
  model: OrdinalModelKind;
  levels: number[];
  positiveFrom: number;
  /** Spearman ρ of the out-of-fold expected level with the outcome, and its 95% group-bootstrap interval. */
  spearman: number | null;
  spearmanLow: number | null;
  spearmanHigh: number | null;
  /** Per cut: log-odds of P(outcome ≥ threshold) at every feature's mean, log-odds per SD of each feature (in `features` order), and the cut's Platt recalibration. */
  cuts: { threshold: number; intercept: number; coefficients: number[]; lambda: number; recalibration: PlattRecalibration }[];
}

export const CALIBRATION_METHOD =
  'Probabilities are the model’s log-odds recalibrated by Platt scaling (a logistic fit of the outcome on the log-odds of the nested out-of-fold predictions). ' +
  'The interval of a prediction is the 95% Wilson interval of the observed positive rate among the out-of-fold pairs in the same decile of predictions: the uncertainty of the rate for pairs scored like this one, not of the coefficients. ' +
  'Both were learnt on the cross-validation models’ predictions and are applied to the final model fitted on all pairs, which is close to them but not identical.';

export function buildValidityCard(input: {
  modelId: string;
  name: string;
  createdAt: Date;
  dataset: StudyDataset;
  features: FeatureSet;
  result: StudyResult;
  llm?: { model: string; promptVersion: string }[];
}): ValidityCard {
  const { features, result } = input;
  if (result.coefficients.length !== features.names.length || result.coefficients.some((c, j) => c.name !== features.names[j])) {
    throw new Error('the study result was not run on these features');
  }
  if (result.n !== features.rows.length) throw new Error(`the study has ${result.n} pairs, the features ${features.rows.length}`);
  const labels = features.outcome.map((v) => (result.outcome.positiveFrom === null ? v : v >= result.outcome.positiveFrom ? 1 : 0));
  const { means, sds } = columnMoments(features.rows, features.names.length);
  // runStudy reports the intercept on the features' own units; at the means it is this.
  const atMeans = (coefficients: StudyResult['coefficients'], raw: number) => coefficients.reduce((s, c, j) => s + (c.used ? c.raw * means[j] : 0), raw);
  const intercept = atMeans(result.coefficients, result.intercept);
  const ordinal = result.ordinal;

  return {
    version: 1,
    modelId: input.modelId,
    name: input.name,
    createdAt: input.createdAt.toISOString(),
    datasetHash: input.dataset.hash,
    n: result.n,
    groups: result.groups,
    positives: result.positives,
    outcome: result.outcome,
    features: features.names.map((name, j) => ({
      name,
      description: features.descriptions[j],
      mean: means[j],
      sd: sds[j],
      coefficient: result.coefficients[j].used ? result.coefficients[j].standardized : 0,
    })),
    intercept,
    lambda: result.crossValidation.chosenLambda,
    metrics: {
      auc: result.outOfFold.auc,
      aucLow: result.outOfFold.interval.lower,
      aucHigh: result.outOfFold.interval.upper,
      brier: result.outOfFold.brier,
      brierSkill: result.outOfFold.brierSkill,
      inSampleAuc: result.inSample.auc,
      calibrationSlope: result.outOfFold.calibrationSlope,
    },
    baselines: result.baselines.map((b) => ({ name: b.name, auc: b.auc, deltaLow: b.delta.lower, deltaHigh: b.delta.upper })),
    calibration: { bins: decileBins(result.outOfFoldPredictions, labels), method: CALIBRATION_METHOD },
    recalibration: plattRecalibration(result.outOfFoldPredictions, labels),
    ordinal:
      ordinal && ordinal.model === 'cumulative'
        ? {
            model: ordinal.model,
            levels: ordinal.levels,
            positiveFrom: result.outcome.positiveFrom!,
            spearman: ordinal.spearman,
            spearmanLow: ordinal.spearmanInterval.lower,
            spearmanHigh: ordinal.spearmanInterval.upper,
            cuts: ordinal.cuts.map((cut) => ({
              threshold: cut.threshold,
              intercept: atMeans(cut.coefficients, cut.intercept),
              coefficients: cut.coefficients.map((c) => (c.used ? c.standardized : 0)),
              lambda: cut.lambda,
              recalibration: cut.recalibration,
            })),
          }
        : null,
    llm: input.llm ?? [],
    schema: input.dataset.schema,
    caveats: result.caveats,
  };
}

/** Means over the values present and SDs of the mean-imputed columns: the final model's standardisation (see standardizeDesign). */
function columnMoments(rows: readonly (readonly number[])[], p: number): { means: number[]; sds: number[] } {
  const n = rows.length;
  const means = new Array<number>(p).fill(0);
  const present = new Array<number>(p).fill(0);
  const sds = new Array<number>(p).fill(0);
  for (const row of rows) {
    for (let j = 0; j < p; j++) {
      if (Number.isNaN(row[j])) continue;
      means[j] += row[j];
      present[j]++;
    }
  }
  for (let j = 0; j < p; j++) means[j] = present[j] === 0 ? 0 : means[j] / present[j];
  for (const row of rows) for (let j = 0; j < p; j++) if (!Number.isNaN(row[j])) sds[j] += (row[j] - means[j]) ** 2;
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(sds[j] / n);
  return { means, sds };
}

/** Equal-count bins of the predictions (ties share a bin, as in calibrationCurve), with their ranges. */
function decileBins(predictions: readonly number[], labels: readonly number[], bins = 10): ValidityCard['calibration']['bins'] {
  const n = predictions.length;
  const ranks = averageRanks(predictions);
  const acc = Array.from({ length: bins }, () => ({ n: 0, sum: 0, positives: 0, from: Infinity, to: -Infinity }));
  for (let i = 0; i < n; i++) {
    const bin = acc[Math.min(bins - 1, Math.floor(((ranks[i] - 0.5) / n) * bins))];
    bin.n++;
    bin.sum += predictions[i];
    bin.positives += labels[i];
    bin.from = Math.min(bin.from, predictions[i]);
    bin.to = Math.max(bin.to, predictions[i]);
  }
  return acc
    .filter((b) => b.n > 0)
    .map((b) => {
      const [low, high] = wilsonInterval(b.positives, b.n);
      return { predictedMean: b.sum / b.n, observedRate: b.positives / b.n, low, high, n: b.n, from: b.from, to: b.to };
    });
}
