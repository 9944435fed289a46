import type { DeltaInterval, Interval } from './bootstrap';
import type { CalibrationBin } from './calibration';
import type { FairnessReport } from './fairness';
import type { OrdinalModelKind, OrdinalResult } from './ordinal';
import type { PowerNote } from './power';

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
  /**
   * positiveFrom: ordinal outcomes, the cut the headline figures (AUC, Brier, calibration, the
   * match model's probability) are for. ordinalModel: how an ordinal outcome was modelled (null
   * for binary outcomes).
   */
  outcome: { kind: 'binary' | 'ordinal'; levels: number[]; positiveFrom: number | null; ordinalModel: OrdinalModelKind | null };
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
  /** Ordinal outcomes: the model used, the out-of-fold predictions against the whole scale, and the cumulative model's cuts. */
  ordinal: OrdinalResult | null;
  power: PowerNote | null;
  fairness: FairnessReport | null;
  intercept: number;
  /** Final model, fitted on all rows with chosenLambda (ordinal outcomes: the model of the cut ≥ positiveFrom). */
  coefficients: { name: string; standardized: number; raw: number; used: boolean }[];
  /** Out-of-fold probability of a positive outcome (ordinal: of ≥ positiveFrom) per row. */
  outOfFoldPredictions: number[];
  caveats: string[];
}
