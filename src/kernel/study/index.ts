/**
 * Validation-study statistics: pure, I/O-free functions that measure how predictive scores and
 * conversation measures are on an analyst's own outcome data — with intervals, baselines,
 * out-of-fold against in-sample, calibration and fairness, so the numbers cannot flatter.
 */
export { auc, stratifiedAuc, weightedAuc } from './auc';
export { clusterBootstrapAuc, groupBootstrapAucs, pairedBootstrapDeltaAuc, quantile } from './bootstrap';
export type { BootstrapOptions, DeltaInterval, Interval } from './bootstrap';
export { calibrationCurve, wilsonInterval } from './calibration';
export type { CalibrationBin } from './calibration';
export { fairnessReport, gapNoiseBar, meanSe } from './fairness';
export type { FairnessGroup, FairnessOptions, FairnessReport } from './fairness';
export { groupKFold } from './group-folds';
export type { Fold, GroupFolds, GroupId } from './group-folds';
export { fitLogistic, fitStandardized, sigmoid, warmStartFor } from './logistic-regression';
export type { LogisticFitOptions, LogisticModel, LogisticWarmStart } from './logistic-regression';
export { standardizeDesign } from './standardized-design';
export type { StandardizedDesign } from './standardized-design';
export { factorise, weightedGram } from './weighted-gram';
export { DEFAULT_LAMBDAS, nestedCrossValidate } from './nested-cv';
export type { NestedCvOptions, NestedCvResult, OuterFoldReport } from './nested-cv';
export { ordinalLevels, ordinalSummary } from './ordinal';
export type { CumulativeAuc, OrdinalSummary } from './ordinal';
export { aucPower, hanleyMcNeilStandardError } from './power';
export type { PowerInput, PowerNote } from './power';
export { brierScore, brierSkill, logLoss } from './probability-scores';
export { deriveSeed, mulberry32 } from './random';
export { pearson, spearman, stratifiedSpearman } from './rank-correlation';
export { averageRanks } from './ranks';
export { runStudy } from './run-study';
export { writeCaveats } from './study-caveats';
export type { BaselineResult, StudyInput, StudyOptions, StudyResult } from './run-study';
export {
  ATTRIBUTES,
  featureCeilingAuc,
  generateSpeedDating,
  INTERESTS,
  oracleAuc,
  pairFeatures,
  plantedScore,
  SIGNAL,
} from './synthetic-speed-dating';
export type { SyntheticPair, SyntheticPerson, SyntheticStudy, SyntheticStudyOptions } from './synthetic-speed-dating';
