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
export type { CumulativeAuc, OrdinalCutModel, OrdinalModelKind, OrdinalResult, OrdinalSummary } from './ordinal';
export { expectedLevel, fitCumulativeOrdinal, monotoneCumulative } from './cumulative-ordinal';
export type { CumulativeCut, CumulativeOrdinalFit } from './cumulative-ordinal';
export { groupBootstrapSpearman } from './spearman-bootstrap';
export { imputeByFold } from './fold-imputation';
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
export { runDatasetStudy } from './run-dataset-study';
export type { StudyRunOptions } from './run-dataset-study';
export { StudyDatasetError } from './dataset/study-dataset-error';
export type { StudyTable } from './dataset/study-dataset-error';
export { parseStudySchema } from './dataset/study-schema';
export type { AttributeGroupSpec, AttributeSpec, BaselineSpec, OutcomeSpec, StudySchema } from './dataset/study-schema';
export type { DatasetFormat, TableReadOptions, TextSource } from './dataset/table-rows';
export type { PeopleTable } from './dataset/people-table';
export type { PairsTable } from './dataset/pairs-table';
export { parsePeople } from './dataset/parse-people';
export { parsePairs } from './dataset/parse-pairs';
export { parseConversation } from './dataset/parse-conversation';
export { assembleDataset, deserializeDataset, serializeDataset } from './dataset/study-dataset';
export type { StudyDataset } from './dataset/study-dataset';
export { featureCatalog } from './features/feature-plan';
export { buildFeatures, featureValuesForPair } from './features/build-features';
export type { FeatureOptions, FeatureSet } from './features/build-features';
export { buildValidityCard, CALIBRATION_METHOD } from './match-model/validity-card';
export type { ValidityCard } from './match-model/validity-card';
export { predictWithCard } from './match-model/predict-with-card';
export type { CandidatePrediction } from './match-model/predict-with-card';
export { buildStudyReport } from './report/study-report';
export type { StudyReport } from './report/study-report';
export { renderStudyMarkdown } from './report/render-study-markdown';
export { renderStudyHtml } from './report/render-study-html';
export { speedDatingCsv, speedDatingSchema } from './synthetic-speed-dating-csv';
