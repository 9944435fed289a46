import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { StoredStudyResult } from '../../src/domain/studies/compute-study';
import { StudyOrdinalModel } from '../../src/domain/studies/study.entity';
import './study.type'; // registers the StudyOrdinalModel enum

/*
 * A study's result as typed objects (src/kernel/study StudyResult, stored by the study job).
 * Figures that can be undefined on some data (an AUC without both classes in a fold, a
 * calibration slope that did not converge) are nullable and say when they are null.
 */

@ObjectType('StudyInterval', { description: 'An estimate with its 95% percentile bootstrap interval, resampling groups (waves), so pairs that share people are not treated as independent.' })
export class StudyIntervalType {
  @Field(() => Float, { nullable: true, description: 'The estimate (null when it is undefined on these data).' })
  estimate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval.' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval.' })
  upper!: number | null;

  @Field(() => Int, { description: 'Bootstrap resamples that had both outcome classes (the others have no AUC and are left out).' })
  resamples!: number;

  @Field(() => Float, { nullable: true, description: 'Standard deviation of the resampled estimates.' })
  standardError!: number | null;
}

@ObjectType('StudyDeltaInterval', { description: 'The model’s AUC minus a baseline’s, with a paired bootstrap interval (both recomputed on the same group resamples).' })
export class StudyDeltaIntervalType extends StudyIntervalType {
  @Field(() => Float, { nullable: true, description: 'Share of resamples in which the model did not beat the baseline (a one-sided bootstrap p-value).' })
  shareAtOrBelowZero!: number | null;
}

@ObjectType('StudyOutcome', { description: 'The outcome the study predicts.' })
export class StudyOutcomeType {
  @Field({ description: 'binary (0/1) or ordinal (levels 1..k).' })
  kind!: string;

  @Field(() => [Int], { description: 'The values the outcome takes.' })
  levels!: number[];

  @Field(() => Int, { nullable: true, description: 'Ordinal outcomes: a pair with this level or above counts as positive for the headline figures (AUC, Brier, calibration, a match model’s probability); null for binary outcomes.' })
  positiveFrom!: number | null;

  @Field(() => StudyOrdinalModel, { nullable: true, description: 'Ordinal outcomes: the model that ran (CUMULATIVE: one model per cut; THRESHOLD: one model of ≥ positiveFrom); null for binary outcomes.' })
  ordinalModel!: StudyOrdinalModel | null;
}

@ObjectType('StudyCrossValidation', { description: 'How the honest figures were obtained: nested cross-validation in which a group never spans training and test.' })
export class StudyCrossValidationType {
  @Field(() => Int, { description: 'Outer folds (the out-of-fold predictions come from these).' })
  outerFolds!: number;

  @Field(() => Int, { description: 'Inner folds that chose the regularisation inside each outer training set.' })
  innerFolds!: number;

  @Field({ description: 'True when there were so few groups that each outer fold is one group.' })
  leaveOneGroupOut!: boolean;

  @Field(() => [Float], { description: 'The L2 penalties tried.' })
  lambdaGrid!: number[];

  @Field(() => [Float], { nullable: 'items', description: 'The penalty each outer fold’s inner cross-validation chose (null where it could not choose).' })
  lambdaPerFold!: (number | null)[];

  @Field(() => Float, { description: 'The penalty of the final model (chosen on all rows): the one a match model carries.' })
  chosenLambda!: number;

  @Field(() => Int, { description: 'Logistic fits run.' })
  fits!: number;

  @Field(() => Int, { description: 'Fits that hit the iteration cap (their predictions are approximate).' })
  unconvergedFits!: number;

  @Field(() => [String], { description: 'Per-fold notes (a fold without both classes, and so on).' })
  notes!: string[];
}

@ObjectType('StudyCalibrationBin', { description: 'One bin of the calibration curve: out-of-fold predictions in quantile bins, the mean predicted probability beside the observed rate.' })
export class StudyCalibrationBinType {
  @Field(() => Int, { description: '0-based, lowest predictions first.' })
  bin!: number;

  @Field(() => Int, { description: 'Pairs in the bin.' })
  count!: number;

  @Field(() => Float, { description: 'Mean predicted probability in the bin.' })
  meanPredicted!: number;

  @Field(() => Float, { description: 'Share of the bin’s pairs whose outcome was positive.' })
  observedRate!: number;

  @Field(() => Float, { description: 'Lower end of the 95% Wilson interval of the observed rate.' })
  observedLower!: number;

  @Field(() => Float, { description: 'Upper end of the 95% Wilson interval of the observed rate.' })
  observedUpper!: number;
}

@ObjectType('StudyOutOfFold', { description: 'The honest figures: predictions for each pair from a model that never saw its group.' })
export class StudyOutOfFoldType {
  @Field(() => Float, { nullable: true, description: 'Out-of-fold AUC: the chance the model ranks a random positive pair above a random negative one (0.5 is chance). Counts pairs within the same outer fold.' })
  auc!: number | null;

  @Field(() => StudyIntervalType, { description: 'The AUC’s 95% group-bootstrap interval (predictions held fixed: somewhat narrower than one that also refitted).' })
  interval!: StudyIntervalType;

  @Field(() => Float, { description: 'Brier score: mean squared error of the predicted probabilities (lower is better).' })
  brier!: number;

  @Field(() => Float, { nullable: true, description: 'Brier skill against always predicting the base rate: above 0 beats it, 0 or below does not.' })
  brierSkill!: number | null;

  @Field(() => Float, { description: 'Mean log-loss of the predictions.' })
  logLoss!: number;

  @Field(() => [StudyCalibrationBinType], { description: 'The calibration curve.' })
  calibration!: StudyCalibrationBinType[];

  @Field(() => Float, { nullable: true, description: 'Slope of the outcome’s log-odds on the predictions’: 1 is ideal, below 1 too extreme, above 1 too timid. Null when the fit did not converge.' })
  calibrationSlope!: number | null;

  @Field(() => Float, { description: 'Mean prediction minus the base rate.' })
  calibrationInTheLarge!: number;
}

@ObjectType('StudyInSample', { description: 'The final model scored on the rows it was fitted on: optimistic by construction, shown so overfitting is visible.' })
export class StudyInSampleType {
  @Field(() => Float, { nullable: true, description: 'In-sample AUC.' })
  auc!: number | null;

  @Field(() => Float, { description: 'In-sample Brier score.' })
  brier!: number;
}

@ObjectType('StudyBaseline', { description: 'A named score the model must beat (e.g. −|age difference|, interest cosine), used as given, never fitted.' })
export class StudyBaselineType {
  @Field({ description: 'The baseline’s name.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'The baseline’s own AUC (same-fold pairs, like the model’s).' })
  auc!: number | null;

  @Field(() => StudyIntervalType, { description: 'The baseline AUC’s 95% group-bootstrap interval.' })
  interval!: StudyIntervalType;

  @Field(() => StudyDeltaIntervalType, { description: 'Model AUC minus this baseline’s (ΔAUC) with its paired 95% interval: an interval above 0 means the model beats it.' })
  delta!: StudyDeltaIntervalType;

  @Field(() => Float, { nullable: true, description: 'Ordinal outcomes: the baseline’s Spearman correlation with the outcome; null for binary outcomes.' })
  spearman!: number | null;
}

@ObjectType('StudyCumulativeAuc', { description: 'Ordinal outcomes: the AUC for “outcome ≥ threshold” against the rest.' })
export class StudyCumulativeAucType {
  @Field(() => Int, { description: 'The cut.' })
  threshold!: number;

  @Field(() => Int, { description: 'Pairs at or above the cut.' })
  positives!: number;

  @Field(() => Int, { description: 'Pairs below the cut.' })
  negatives!: number;

  @Field(() => Float, { nullable: true, description: 'The AUC at this cut.' })
  auc!: number | null;
}

@ObjectType('StudyRecalibration', { description: 'Platt recalibration fitted on out-of-fold predictions: calibrated log-odds = intercept + slope × the model’s log-odds.' })
export class StudyRecalibrationType {
  @Field(() => Float, { description: 'Intercept.' })
  intercept!: number;

  @Field(() => Float, { description: 'Slope (1 leaves the spread as it is).' })
  slope!: number;

  @Field({ description: 'False when it could not be fitted and the identity is used.' })
  fitted!: boolean;
}

@ObjectType('StudyOrdinalCut', { description: 'One cut of the cumulative ordinal model: an L2 logistic model of P(outcome ≥ threshold), fitted on all pairs with its own penalty.' })
export class StudyOrdinalCutType {
  @Field(() => Int, { description: 'The cut.' })
  threshold!: number;

  @Field(() => Int, { description: 'Pairs at or above it.' })
  positives!: number;

  @Field(() => Float, { description: 'The penalty of this cut’s final model.' })
  lambda!: number;

  @Field(() => [Float], { nullable: 'items', description: 'The penalty each outer fold’s inner cross-validation chose for this cut.' })
  lambdaPerFold!: (number | null)[];

  @Field(() => Float, { description: 'Intercept (log-odds, features in their own units).' })
  intercept!: number;

  @Field(() => [StudyCoefficientType], { description: 'Its coefficients.' })
  coefficients!: StudyCoefficientType[];

  @Field(() => Float, { nullable: true, description: 'In-sample AUC of this cut’s model.' })
  inSampleAuc!: number | null;

  @Field(() => StudyRecalibrationType, { description: 'Its Platt recalibration, fitted on its out-of-fold probabilities.' })
  recalibration!: StudyRecalibrationType;
}

@ObjectType('StudyOrdinalSummary', { description: 'Ordinal outcomes: which model ran and how its out-of-fold predictions order the whole scale.' })
export class StudyOrdinalSummaryType {
  @Field(() => StudyOrdinalModel, { description: 'The ordinal model that ran.' })
  model!: StudyOrdinalModel;

  @Field({ description: 'What spearman and the cumulative AUCs score: expected-level (cumulative model) or probability (threshold model).' })
  score!: string;

  @Field(() => [Int], { description: 'The outcome levels.' })
  levels!: number[];

  @Field(() => Float, { nullable: true, description: 'Spearman correlation of the out-of-fold score with the outcome (within folds).' })
  spearman!: number | null;

  @Field(() => StudyIntervalType, { description: 'Spearman’s 95% group-bootstrap interval (predictions held fixed).' })
  spearmanInterval!: StudyIntervalType;

  @Field(() => [StudyCumulativeAucType], { description: 'One AUC per cut: where on the scale the model discriminates (the cumulative model scores each cut with its own P(outcome ≥ k)).' })
  cumulative!: StudyCumulativeAucType[];

  @Field(() => [StudyOrdinalCutType], { description: 'The cumulative model’s cuts (empty for the threshold model).' })
  cuts!: StudyOrdinalCutType[];
}

@ObjectType('StudyPowerNote', { description: 'How precise the AUC is at this sample size and how many pairs ±0.05 would take (Hanley–McNeil, scaled by the clustering the bootstrap saw).' })
export class StudyPowerNoteType {
  @Field(() => Float, { description: 'The AUC the calculation assumes (the observed out-of-fold AUC).' })
  auc!: number;

  @Field(() => Int, { description: 'Pairs in the study.' })
  pairs!: number;

  @Field(() => Float, { description: 'Share of positive pairs.' })
  baseRate!: number;

  @Field(() => Float, { description: 'The half-width of the 95% interval aimed for.' })
  target!: number;

  @Field(() => Float, { description: 'Half-width if pairs were independent.' })
  halfWidthIndependent!: number;

  @Field(() => Float, { nullable: true, description: 'Variance inflation from pairs sharing people and waves (null without a bootstrap).' })
  designEffect!: number | null;

  @Field(() => Float, { description: 'The half-width to believe.' })
  halfWidth!: number;

  @Field(() => Int, { description: 'Pairs needed for ±target if pairs were independent.' })
  pairsNeededIndependent!: number;

  @Field(() => Int, { description: 'Pairs needed for ±target, allowing for the clustering.' })
  pairsNeeded!: number;

  @Field({ description: 'Whether this study already reaches ±target.' })
  enough!: boolean;
}

@ObjectType('StudyFairnessGroup', { description: 'The model’s behaviour inside one group of the fairness attribute.' })
export class StudyFairnessGroupType {
  @Field({ description: 'The attribute value.' })
  value!: string;

  @Field(() => Int, { description: 'Pairs in the group.' })
  n!: number;

  @Field(() => Int, { description: 'Positive pairs in the group.' })
  positives!: number;

  @Field(() => Float, { nullable: true, description: 'AUC inside the group (null without both classes).' })
  auc!: number | null;

  @Field(() => Float, { description: 'Share predicted positive at the threshold.' })
  positiveRate!: number;

  @Field(() => Float, { nullable: true, description: 'True-positive rate (null without positives).' })
  truePositiveRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'False-positive rate (null without negatives).' })
  falsePositiveRate!: number | null;
}

@ObjectType('StudyFairnessGapErrors', { description: 'Standard errors of the fairness gaps: a gap under about gapNoiseBar of them may be noise.' })
export class StudyFairnessGapErrorsType {
  @Field(() => Float, { nullable: true, description: 'SE of the demographic parity difference.' })
  demographicParity!: number | null;

  @Field(() => Float, { nullable: true, description: 'SE of the true-positive-rate gap.' })
  truePositiveRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'SE of the false-positive-rate gap.' })
  falsePositiveRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'SE of the AUC gap.' })
  auc!: number | null;
}

@ObjectType('StudyFairness', { description: 'Group fairness of the out-of-fold predictions across one categorical attribute. Gaps are max − min over groups: read them beside their standard errors.' })
export class StudyFairnessType {
  @Field({ description: 'The attribute split by.' })
  attribute!: string;

  @Field(() => Float, { description: 'The decision threshold of the rates (the base rate unless set).' })
  threshold!: number;

  @Field(() => [StudyFairnessGroupType], { description: 'Per group.' })
  groups!: StudyFairnessGroupType[];

  @Field(() => Float, { description: 'Demographic parity difference: spread of the groups’ positive-prediction rates.' })
  demographicParityDifference!: number;

  @Field(() => Float, { nullable: true, description: 'Spread of the true-positive rates.' })
  truePositiveRateGap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Spread of the false-positive rates.' })
  falsePositiveRateGap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Equalized-odds difference: the larger of the two rate gaps.' })
  equalizedOddsDifference!: number | null;

  @Field(() => Float, { nullable: true, description: 'Spread of the per-group AUCs.' })
  aucGap!: number | null;

  @Field(() => StudyFairnessGapErrorsType, { description: 'Standard errors of the gaps.' })
  gapStandardErrors!: StudyFairnessGapErrorsType;

  @Field(() => Float, { description: 'How many standard errors a gap over this many groups must span before it stands out from chance.' })
  gapNoiseBar!: number;
}

@ObjectType('StudyCoefficient', { description: 'A coefficient of the final model (fitted on all rows with the chosen penalty).' })
export class StudyCoefficientType {
  @Field({ description: 'The feature’s name (e.g. abs_diff:age, cosine:interests, conv:rapport).' })
  name!: string;

  @Field({ description: 'What the feature measures.' })
  description!: string;

  @Field(() => Float, { description: 'Change in log-odds per standard deviation of the feature.' })
  standardized!: number;

  @Field(() => Float, { description: 'Change in log-odds per unit of the feature.' })
  raw!: number;

  @Field({ description: 'False when the feature was constant and left out.' })
  used!: boolean;
}

@ObjectType('StudyImputation', { description: 'A feature that had missing values, filled with its mean.' })
export class StudyImputationType {
  @Field({ description: 'The feature.' })
  name!: string;

  @Field(() => Float, { description: 'The mean it was filled with.' })
  mean!: number;

  @Field(() => Int, { description: 'Pairs that lacked it.' })
  missing!: number;
}

@ObjectType('StudyResult', { description: 'What a validation study found. Report the out-of-fold AUC with its interval; the caveats say what not to claim.' })
export class StudyResultType {
  @Field(() => Int, { description: 'Pairs studied.' })
  n!: number;

  @Field(() => Int, { description: 'Groups (waves) the pairs fall in.' })
  groups!: number;

  @Field(() => Int, { description: 'Features the model used.' })
  features!: number;

  @Field(() => StudyOutcomeType, { description: 'The outcome predicted.' })
  outcome!: StudyOutcomeType;

  @Field(() => Int, { description: 'Positive pairs.' })
  positives!: number;

  @Field(() => Float, { description: 'Share of positive pairs.' })
  baseRate!: number;

  @Field(() => StudyCrossValidationType, { description: 'How the honest figures were obtained.' })
  crossValidation!: StudyCrossValidationType;

  @Field(() => StudyOutOfFoldType, { description: 'The headline: out-of-fold discrimination, proper scores and calibration.' })
  outOfFold!: StudyOutOfFoldType;

  @Field(() => StudyInSampleType, { description: 'The same model on its own training rows, for comparison.' })
  inSample!: StudyInSampleType;

  @Field(() => Float, { nullable: true, description: 'In-sample minus out-of-fold AUC: how much fitting flatters the model.' })
  optimism!: number | null;

  @Field(() => [StudyBaselineType], { description: 'Named baselines with ΔAUC intervals.' })
  baselines!: StudyBaselineType[];

  @Field(() => StudyOrdinalSummaryType, { nullable: true, description: 'Ordinal outcomes only.' })
  ordinal!: StudyOrdinalSummaryType | null;

  @Field(() => StudyPowerNoteType, { nullable: true, description: 'Precision and the sample needed (null when the AUC is undefined).' })
  power!: StudyPowerNoteType | null;

  @Field(() => StudyFairnessType, { nullable: true, description: 'Fairness across the chosen attribute (null when none was chosen).' })
  fairness!: StudyFairnessType | null;

  @Field(() => Float, { description: 'Intercept of the final model (log-odds).' })
  intercept!: number;

  @Field(() => [StudyCoefficientType], { description: 'Coefficients of the final model.' })
  coefficients!: StudyCoefficientType[];

  @Field(() => [StudyImputationType], { description: 'Features with missing values and how they were filled.' })
  imputation!: StudyImputationType[];

  @Field(() => [String], { description: 'Caveats written from the numbers: what the figures do not support.' })
  caveats!: string[];
}

/** The stored result as the typed object (coefficients get their feature descriptions). */
export function studyResultType(stored: StoredStudyResult): StudyResultType {
  const describe = new Map(stored.featureDescriptions.map((f) => [f.name, f.description]));
  const described = (coefficients: StoredStudyResult['coefficients']) => coefficients.map((c) => ({ ...c, description: describe.get(c.name) ?? c.name }));
  // Results stored before ordinal models were named ran the threshold model.
  const legacyOrdinal = stored.outcome.kind === 'ordinal' && !stored.outcome.ordinalModel;
  return {
    ...stored,
    outcome: { ...stored.outcome, ordinalModel: legacyOrdinal ? StudyOrdinalModel.THRESHOLD : (stored.outcome.ordinalModel ?? null) },
    ordinal: stored.ordinal
      ? {
          ...stored.ordinal,
          model: stored.ordinal.model ?? StudyOrdinalModel.THRESHOLD,
          score: stored.ordinal.score ?? 'probability',
          spearmanInterval: stored.ordinal.spearmanInterval ?? { estimate: stored.ordinal.spearman, lower: null, upper: null, resamples: 0, standardError: null },
          cuts: (stored.ordinal.cuts ?? []).map((cut) => ({ ...cut, coefficients: described(cut.coefficients) })),
        }
      : null,
    coefficients: described(stored.coefficients),
    imputation: stored.imputation ?? [],
  } as StudyResultType;
}
