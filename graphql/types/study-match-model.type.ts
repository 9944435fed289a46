import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ValidityCard } from '../../src/kernel/study';
import type { MatchModel } from '../../src/domain/studies/match-model.entity';
import { StudyOrdinalModel } from '../../src/domain/studies/study.entity';
import { SimulationStatus } from '../../src/domain/simulations/simulation.entity';
import { DimensionEstimateType, ReportEstimateType, ReportMeasureType } from './compatibility-report.type';
import './simulation.type'; // registers the SimulationStatus enum
import { StudyOutcomeType, StudyRecalibrationType } from './study-result.type';

@ObjectType('ValidityCardFeature', { description: 'A feature of a match model, with what the training data looked like and its weight.' })
export class ValidityCardFeatureType {
  @Field({ description: 'The feature’s name.' })
  name!: string;

  @Field({ description: 'What it measures.' })
  description!: string;

  @Field(() => Float, { description: 'Its mean in the training data (also what a missing value is imputed with).' })
  mean!: number;

  @Field(() => Float, { description: 'Its standard deviation in the training data.' })
  sd!: number;

  @Field(() => Float, { description: 'Change in log-odds per standard deviation of the feature.' })
  coefficient!: number;
}

@ObjectType('ValidityCardMetrics', { description: 'The cross-validated performance of the model: what its predictions are worth.' })
export class ValidityCardMetricsType {
  @Field(() => Float, { nullable: true, description: 'Out-of-fold AUC.' })
  auc!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of its 95% group-bootstrap interval.' })
  aucLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of its 95% group-bootstrap interval.' })
  aucHigh!: number | null;

  @Field(() => Float, { description: 'Out-of-fold Brier score (lower is better).' })
  brier!: number;

  @Field(() => Float, { nullable: true, description: 'Brier skill against the base rate (≤ 0: no better than always predicting it).' })
  brierSkill!: number | null;

  @Field(() => Float, { nullable: true, description: 'In-sample AUC (optimistic; compare with auc).' })
  inSampleAuc!: number | null;

  @Field(() => Float, { nullable: true, description: 'Calibration slope (1 is ideal).' })
  calibrationSlope!: number | null;
}

@ObjectType('ValidityCardBaseline', { description: 'How the model compared with a baseline score.' })
export class ValidityCardBaselineType {
  @Field({ description: 'The baseline.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Its AUC.' })
  auc!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval of model AUC minus baseline AUC.' })
  deltaLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of that interval.' })
  deltaHigh!: number | null;
}

@ObjectType('ValidityCardCalibrationBin', { description: 'One bin of the calibration the card keeps: predictions are mapped through it.' })
export class ValidityCardCalibrationBinType {
  @Field(() => Float, { description: 'Mean out-of-fold prediction in the bin.' })
  predictedMean!: number;

  @Field(() => Float, { description: 'Observed rate in the bin.' })
  observedRate!: number;

  @Field(() => Float, { description: 'Lower end of the observed rate’s 95% interval.' })
  low!: number;

  @Field(() => Float, { description: 'Upper end of the observed rate’s 95% interval.' })
  high!: number;

  @Field(() => Int, { description: 'Pairs in the bin.' })
  n!: number;

  @Field(() => Float, { description: 'Lowest out-of-fold prediction in the bin.' })
  from!: number;

  @Field(() => Float, { description: 'Highest out-of-fold prediction in the bin.' })
  to!: number;
}

@ObjectType('ValidityCardCalibration', { description: 'How raw model scores become calibrated probabilities.' })
export class ValidityCardCalibrationType {
  @Field(() => [ValidityCardCalibrationBinType], { description: 'The bins.' })
  bins!: ValidityCardCalibrationBinType[];

  @Field({ description: 'The method used.' })
  method!: string;
}

@ObjectType('ValidityCardRecalibration', { description: 'Platt recalibration fitted on the out-of-fold predictions: calibrated log-odds = intercept + slope × the model’s log-odds.' })
export class ValidityCardRecalibrationType {
  @Field(() => Float, { description: 'Intercept of the recalibration.' })
  intercept!: number;

  @Field(() => Float, { description: 'Slope of the recalibration (1 leaves the model’s spread as it is).' })
  slope!: number;

  @Field({ description: 'False when it could not be fitted and the identity is used.' })
  fitted!: boolean;
}

@ObjectType('ValidityCardLlm', { description: 'A language model behind an LLM-derived feature, and its prompt version.' })
export class ValidityCardLlmType {
  @Field({ description: 'The model.' })
  model!: string;

  @Field({ description: 'The prompt version.' })
  promptVersion!: string;
}

@ObjectType('ValidityCardOrdinalCut', { description: 'One cut of a cumulative ordinal match model: P(outcome ≥ threshold).' })
export class ValidityCardOrdinalCutType {
  @Field(() => Int, { description: 'The cut.' })
  threshold!: number;

  @Field(() => Float, { description: 'Log-odds of P(outcome ≥ threshold) for a pair at every feature’s mean.' })
  intercept!: number;

  @Field(() => [Float], { description: 'Change in log-odds per standard deviation of each feature, in the order of the card’s features.' })
  coefficients!: number[];

  @Field(() => Float, { description: 'The L2 penalty this cut was fitted with.' })
  lambda!: number;

  @Field(() => StudyRecalibrationType, { description: 'This cut’s Platt recalibration.' })
  recalibration!: StudyRecalibrationType;
}

@ObjectType('ValidityCardOrdinal', { description: 'A cumulative ordinal match model: every cut’s model, so a pair gets P(outcome ≥ k) for each k and its expected level.' })
export class ValidityCardOrdinalType {
  @Field(() => StudyOrdinalModel, { description: 'The ordinal model.' })
  model!: StudyOrdinalModel;

  @Field(() => [Int], { description: 'The outcome levels.' })
  levels!: number[];

  @Field(() => Int, { description: 'The cut whose probability is the headline (the card’s intercept and feature coefficients are this cut’s).' })
  positiveFrom!: number;

  @Field(() => Float, { nullable: true, description: 'Out-of-fold Spearman ρ of the expected level with the outcome.' })
  spearman!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of its 95% group-bootstrap interval.' })
  spearmanLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of that interval.' })
  spearmanHigh!: number | null;

  @Field(() => [ValidityCardOrdinalCutType], { description: 'All K − 1 cuts.' })
  cuts!: ValidityCardOrdinalCutType[];
}

@ObjectType('ValidityCard', { description: 'What a match model is and how far it can be trusted: the data it was fitted on, its coefficients and calibration, its cross-validated metrics and caveats.' })
export class ValidityCardType {
  @Field(() => Int, { description: 'The card format’s version.' })
  version!: number;

  @Field(() => ID, { description: 'The match model it describes.' })
  modelId!: string;

  @Field({ description: 'The model’s name.' })
  name!: string;

  @Field({ description: 'When the model was kept.' })
  createdAt!: string;

  @Field({ description: 'SHA-256 of the training dataset’s content.' })
  datasetHash!: string;

  @Field(() => Int, { description: 'Training pairs.' })
  n!: number;

  @Field(() => Int, { description: 'Training groups (waves).' })
  groups!: number;

  @Field(() => Int, { description: 'Positive training pairs.' })
  positives!: number;

  @Field(() => StudyOutcomeType, { description: 'The outcome it predicts.' })
  outcome!: StudyOutcomeType;

  @Field(() => [ValidityCardFeatureType], { description: 'Its features.' })
  features!: ValidityCardFeatureType[];

  @Field(() => Float, { description: 'Intercept (log-odds).' })
  intercept!: number;

  @Field(() => Float, { description: 'The L2 penalty it was fitted with.' })
  lambda!: number;

  @Field(() => ValidityCardMetricsType, { description: 'Cross-validated metrics.' })
  metrics!: ValidityCardMetricsType;

  @Field(() => [ValidityCardBaselineType], { description: 'Comparisons with the baselines.' })
  baselines!: ValidityCardBaselineType[];

  @Field(() => ValidityCardCalibrationType, { description: 'The calibration applied to its predictions.' })
  calibration!: ValidityCardCalibrationType;

  @Field(() => ValidityCardRecalibrationType, { description: 'How the model’s probabilities are recalibrated.' })
  recalibration!: ValidityCardRecalibrationType;

  @Field(() => ValidityCardOrdinalType, { nullable: true, description: 'Cumulative ordinal models: every cut (null for binary outcomes and the threshold model).' })
  ordinal!: ValidityCardOrdinalType | null;

  @Field(() => [ValidityCardLlmType], { description: 'Models and prompt versions of LLM-derived features (empty: none).' })
  llm!: ValidityCardLlmType[];

  @Field(() => [String], { description: 'What its predictions do not support.' })
  caveats!: string[];
}

@ObjectType('MatchModel', { description: 'A fitted match model kept from a study, versioned per name.' })
export class MatchModelType {
  @Field(() => ID, { description: 'The model’s id (rankCandidates takes it).' })
  id!: string;

  @Field({ description: 'The name you gave it.' })
  name!: string;

  @Field(() => Int, { description: 'Its version under that name (1, 2, …).' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The study it came from (null once that study is deleted).' })
  studyId!: string | null;

  @Field({ description: 'When it was kept.' })
  createdAt!: Date;

  @Field(() => ValidityCardType, { description: 'Its validity card.' })
  card!: ValidityCardType;

  static from(m: MatchModel): MatchModelType {
    return Object.assign(new MatchModelType(), {
      id: m.id,
      name: m.name,
      version: m.version,
      studyId: m.study?.id ?? null,
      createdAt: m.createdAt,
      card: { ordinal: null, ...(m.card as unknown as ValidityCard) },
    });
  }
}

@ObjectType('CandidateContribution', { description: 'How one feature moved a candidate’s estimate.' })
export class CandidateContributionType {
  @Field({ description: 'The feature’s name.' })
  feature!: string;

  @Field({ description: 'What it measures.' })
  description!: string;

  @Field(() => Float, { nullable: true, description: 'The candidate’s value (null: not known, imputed with the training mean).' })
  value!: number | null;

  @Field(() => Float, { description: 'Its contribution to the log-odds relative to an average pair (positive raises the estimate).' })
  contribution!: number;
}

@ObjectType('CandidateCumulativeProbability', { description: 'A cumulative ordinal model’s calibrated P(outcome ≥ threshold) for a candidate.' })
export class CandidateCumulativeProbabilityType {
  @Field(() => Int, { description: 'The cut.' })
  threshold!: number;

  @Field(() => Float, { description: 'Calibrated P(outcome ≥ threshold), non-increasing across cuts.' })
  probability!: number;
}

@ObjectType('CandidateSimulation', {
  description:
    'A ranked candidate’s short simulation (simulateTopK). Simulations run as jobs: the measures are null until it has finished; ranking again with the same model reuses it and adds them.',
})
export class CandidateSimulationType {
  @Field(() => ID, { description: 'The simulation (simulation, compatibilityReport take it).' })
  id!: string;

  @Field(() => SimulationStatus, { description: 'Where it stands.' })
  status!: SimulationStatus;

  @Field({ description: 'True when this ranking started it; false when it reused one an earlier ranking started.' })
  startedNow!: boolean;

  @Field(() => Int, { description: 'Its token cap (what it counted against the batch’s budget).' })
  tokenBudget!: number;

  @Field(() => Int, { description: 'Tokens it has used.' })
  tokensUsed!: number;

  @Field(() => Int, { nullable: true, description: 'Episodes its report rests on (null until it has finished).' })
  episodes!: number | null;

  @Field(() => ReportEstimateType, { nullable: true, description: 'The report’s overall 0–10 score with its 95% interval (null until it has finished).' })
  overall!: ReportEstimateType | null;

  @Field(() => [DimensionEstimateType], { description: 'The report’s per-dimension scores (empty until it has finished).' })
  dimensions!: DimensionEstimateType[];

  @Field(() => [ReportMeasureType], { description: 'The report’s pair-level conversation measures (empty until it has finished).' })
  pairMeasures!: ReportMeasureType[];
}

@ObjectType('RankedCandidate', { description: 'A candidate partner persona with the model’s calibrated probability and why.' })
export class RankedCandidateType {
  @Field(() => ID, { description: 'The PARTNER persona.' })
  personaId!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => Int, { description: '1 for the most likely match.' })
  rank!: number;

  @Field(() => Float, { description: 'Calibrated probability of a positive outcome, as the study’s outcome defines it (ordinal outcomes: of outcome ≥ positiveFrom).' })
  probability!: number;

  @Field(() => Float, { nullable: true, description: 'Cumulative ordinal models: the expected outcome level (null otherwise).' })
  expectedLevel!: number | null;

  @Field(() => [CandidateCumulativeProbabilityType], { nullable: true, description: 'Cumulative ordinal models: P(outcome ≥ k) for every cut (null otherwise).' })
  cumulative!: CandidateCumulativeProbabilityType[] | null;

  @Field(() => Float, { description: 'Lower end of its 95% interval (from the calibration bin it falls in).' })
  low!: number;

  @Field(() => Float, { description: 'Upper end of its 95% interval.' })
  high!: number;

  @Field(() => [String], { description: 'Plain-language reasons: the strongest contributions, then what was imputed.' })
  reasons!: string[];

  @Field(() => [CandidateContributionType], { description: 'Every feature’s contribution, largest first.' })
  contributions!: CandidateContributionType[];

  @Field(() => [String], { description: 'Features not known for this pair (imputed).' })
  missing!: string[];

  @Field({ description: 'Whether the partner’s imported chat supplied the conversation features.' })
  usedConversation!: boolean;

  @Field(() => ID, { nullable: true, description: 'With simulateTopK: the short simulation started for this candidate.' })
  simulationId!: string | null;

  @Field(() => String, { nullable: true, description: 'With simulateTopK: why no simulation started for this candidate.' })
  simulationNote!: string | null;

  @Field(() => CandidateSimulationType, { nullable: true, description: 'With simulateTopK, for the top k: the short simulation and its measures once finished (null for the rest).' })
  simulation!: CandidateSimulationType | null;
}

@ObjectType('CandidateRanking', { description: 'Candidates ranked by a match model. The probabilities are only as good as the model’s validity card says.' })
export class CandidateRankingType {
  @Field(() => ID, { description: 'The match model used.' })
  modelId!: string;

  @Field(() => [RankedCandidateType], { description: 'Most likely first.' })
  candidates!: RankedCandidateType[];
}
