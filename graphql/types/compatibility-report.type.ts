/**
 * The compatibility report as GraphQL object types (no JSONObject), field for field with the
 * domain's CompatibilityReport so a resolver returns the stored report as is. Closed sets are
 * enums whose values carry their definitions: the judge's dimensions (DIMENSIONS), the
 * headline measures (measure-catalog.ts: definition and source) and the judge–measure
 * pairings (judge-agreement.ts).
 */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JUDGE_PAIRINGS } from '../../src/kernel/measures/judge-agreement';
import { PAIR_MEASURES, SPEAKER_MEASURES } from '../../src/kernel/measures/measure-catalog';
import { DIMENSIONS, HORSEMEN } from '../../src/kernel/simulation/dimensions';
import type { CompatibilityReport } from '../../src/domain/simulations/report/compatibility-report';
import { ReportValidityType, type ReportValidityStatus } from './report-validity.type';
import { withReportDefaults } from '../../src/domain/simulations/report/stored-report';
import { MeasureScope } from './conversation-measures.type';

/** "goalCompletion" → "GOAL_COMPLETION": GraphQL enum style; the internal values stay the domain's keys, so stored reports pass through. */
const enumName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
function keyEnum<K extends string>(keys: readonly K[]): Record<string, K> {
  return Object.fromEntries(keys.map((k) => [enumName(k), k]));
}

export const CompatibilityDimension = keyEnum(DIMENSIONS.map((d) => d.key));
registerEnumType(CompatibilityDimension, {
  name: 'CompatibilityDimension',
  description: 'A dimension the judge (the analysis model) scores 0–10 per episode: SOTOPIA-EVAL’s social dimensions plus relationship-specific ones.',
  valuesConfig: Object.fromEntries(DIMENSIONS.map((d) => [enumName(d.key), { description: `${d.label}: ${d.description}` }])),
});

export const Horseman = keyEnum(HORSEMEN);
registerEnumType(Horseman, {
  name: 'Horseman',
  description: 'Gottman’s four horsemen, counted by the judge per episode.',
  valuesConfig: {
    CRITICISM: { description: 'Attacks on the partner’s character rather than on a behaviour.' },
    CONTEMPT: { description: 'Insults, mockery, sarcasm, disdain.' },
    DEFENSIVENESS: { description: 'Excuses and counter-blame instead of taking responsibility.' },
    STONEWALLING: { description: 'Withdrawing from the conversation, shutting down.' },
  },
});

const CATALOG = [...PAIR_MEASURES, ...SPEAKER_MEASURES];
export const ReportMeasureKey = keyEnum(CATALOG.map((e) => e.key));
registerEnumType(ReportMeasureKey, {
  name: 'ReportMeasureKey',
  description: 'A headline conversation measure a report shows (src/kernel/measures/measure-catalog.ts).',
  valuesConfig: Object.fromEntries(CATALOG.map((e) => [enumName(e.key), { description: `${e.label} (${e.scale}): ${e.definition} Source: ${e.source}` }])),
});

export const JudgeAgreementMeasure = keyEnum(JUDGE_PAIRINGS.map((p) => p.key));
registerEnumType(JudgeAgreementMeasure, {
  name: 'JudgeAgreementMeasure',
  description: 'A measure paired with a judge dimension (src/kernel/measures/judge-agreement.ts).',
  valuesConfig: Object.fromEntries(
    JUDGE_PAIRINGS.map((p) => [enumName(p.key), { description: `${p.label}, paired with ${p.dimensionLabel}: ${p.definition} ${p.rationale}` }]),
  ),
});

@ObjectType('ReportEstimate', { description: 'A mean over episodes with its 95% percentile bootstrap interval (seeded: the same run gives the same interval). n = 0 means no data (then every number is 0).' })
export class ReportEstimateType {
  @Field(() => Float, { description: 'Mean over the episodes, two decimals.' })
  mean!: number;

  @Field(() => Float, { description: 'Lower end of the 95% interval; equals the mean when n < 2.' })
  ciLow!: number;

  @Field(() => Float, { description: 'Upper end of the 95% interval; equals the mean when n < 2.' })
  ciHigh!: number;

  @Field(() => Int, { description: 'Episodes the estimate rests on; 0 = no data.' })
  n!: number;
}

@ObjectType('DimensionEstimate', { description: 'One judge dimension over all episodes.' })
export class DimensionEstimateType {
  @Field(() => CompatibilityDimension, { description: 'The dimension.' })
  key!: string;

  @Field({ description: 'Its human-readable name.' })
  label!: string;

  @Field(() => ReportEstimateType, { description: 'The judge’s 0–10 score, mean and 95% interval over episodes.' })
  estimate!: ReportEstimateType;
}

@ObjectType('ScenarioDimensionEstimate', { description: 'One judge dimension within one scenario.' })
export class ScenarioDimensionEstimateType {
  @Field(() => CompatibilityDimension, { description: 'The dimension.' })
  key!: string;

  @Field(() => ReportEstimateType, { description: 'The judge’s 0–10 score over the scenario’s episodes.' })
  estimate!: ReportEstimateType;
}

@ObjectType('ScenarioBreakdown', { description: 'The judge’s scores within one scenario.' })
export class ScenarioBreakdownType {
  @Field({ description: 'Scenario template id.' })
  scenarioId!: string;

  @Field({ description: 'Scenario title.' })
  title!: string;

  @Field(() => Int, { description: 'Episodes of this scenario that were scored.' })
  episodes!: number;

  @Field(() => ReportEstimateType, { description: 'Overall compatibility (mean of an episode’s dimension scores), 0–10, over the scenario’s episodes.' })
  overall!: ReportEstimateType;

  @Field(() => [ScenarioDimensionEstimateType], { description: 'Every dimension, in the order of CompatibilityDimension.' })
  dimensions!: ScenarioDimensionEstimateType[];
}

@ObjectType('HorsemanRate', { description: 'How often the judge counted a horseman.' })
export class HorsemanRateType {
  @Field(() => Horseman, { description: 'The horseman.' })
  key!: string;

  @Field(() => Float, { description: 'Mean count per episode (a count the judge left out is a zero).' })
  meanPerEpisode!: number;
}

@ObjectType('ReportCriticalMoment', { description: 'A turn the judge said swung a score, quoted.' })
export class ReportCriticalMomentType {
  @Field(() => ID, { description: 'Transcript message id of the turn.' })
  turnId!: string;

  @Field({ description: 'Who said it.' })
  speaker!: string;

  @Field({ description: 'The turn’s text (up to 300 characters).' })
  quote!: string;

  @Field(() => CompatibilityDimension, { description: 'The dimension it moved.' })
  dimension!: string;

  @Field(() => Float, { description: '−10 … +10: how much it moved the dimension, by the judge’s account.' })
  impact!: number;

  @Field({ description: 'The judge’s note on why it mattered.' })
  note!: string;

  @Field({ description: 'Scenario title of the episode.' })
  scenarioTitle!: string;

  @Field(() => Int, { description: '0-based index of the episode within its scenario.' })
  episodeIndex!: number;
}

@ObjectType('EpisodeMeasureValue', { description: 'One episode’s value of a measure and the messages behind it.' })
export class EpisodeMeasureValueType {
  @Field(() => ID, { description: 'The episode.' })
  episodeId!: string;

  @Field({ description: 'Its scenario template id.' })
  scenarioId!: string;

  @Field({ description: 'Its scenario title.' })
  scenarioTitle!: string;

  @Field(() => Int, { description: '0-based index of the episode within its scenario.' })
  episodeIndex!: number;

  @Field(() => Float, { nullable: true, description: 'The value (three decimals) on the measure’s scale; null when there was nothing to measure (no bid, no negative interaction, no timestamps).' })
  value!: number | null;

  @Field(() => Int, { description: 'How many messages (or events, as the measure says) the value rests on.' })
  n!: number;

  @Field(() => [ID], { description: 'Transcript message ids of the messages that moved the value, in conversation order. Empty for measures no single message moves (LSM, rapport).' })
  messageIds!: string[];

  @Field(() => [String], { description: 'Short references to the same messages, same order: "t3" (the judge’s numbering of the episode’s lines) when known, otherwise "#" and the id’s first 8 characters.' })
  refs!: string[];
}

@ObjectType('ScenarioMeasureEstimate', { description: 'A measure within one scenario.' })
export class ScenarioMeasureEstimateType {
  @Field({ description: 'Scenario template id.' })
  scenarioId!: string;

  @Field(() => ReportEstimateType, { description: 'Mean and 95% interval over the scenario’s episodes that had a value.' })
  estimate!: ReportEstimateType;
}

@ObjectType('ReportMeasure', { description: 'One headline conversation measure (for one speaker, or the pair) over the run’s episodes. Computed without a model; the classifiers are heuristics.' })
export class ReportMeasureType {
  @Field(() => ReportMeasureKey, { description: 'Which measure (the enum value’s description gives its definition and source).' })
  key!: string;

  @Field(() => MeasureScope, { description: 'PAIR: one value per episode for the conversation. SPEAKER: one per speaker.' })
  scope!: string;

  @Field(() => String, { nullable: true, description: 'The speaker’s name for a SPEAKER measure; null for PAIR.' })
  speaker!: string | null;

  @Field({ description: 'Human-readable name.' })
  label!: string;

  @Field({ description: 'How it is computed, in one sentence.' })
  definition!: string;

  @Field({ description: 'The study it follows, or "SoulLink heuristic".' })
  source!: string;

  @Field({ description: 'How to read the number (range, typical values).' })
  scale!: string;

  @Field(() => ReportEstimateType, { description: 'Mean over the episodes with a value, 95% bootstrap interval; n = those episodes.' })
  estimate!: ReportEstimateType;

  @Field(() => [ScenarioMeasureEstimateType], { description: 'The same per scenario, in scenario-id order.' })
  perScenario!: ScenarioMeasureEstimateType[];

  @Field(() => [EpisodeMeasureValueType], { description: 'Every measured episode’s value with its cited messages, in report order (a null value included).' })
  episodes!: EpisodeMeasureValueType[];
}

@ObjectType('MeasuredEpisode', { description: 'A measured episode and the short key ("E1") the report’s citations use.' })
export class MeasuredEpisodeType {
  @Field({ description: '"E1", "E2"… in report order (scenario id, then episode index).' })
  key!: string;

  @Field(() => ID, { description: 'The episode.' })
  episodeId!: string;

  @Field({ description: 'Its scenario template id.' })
  scenarioId!: string;

  @Field({ description: 'Its scenario title.' })
  scenarioTitle!: string;

  @Field(() => Int, { description: '0-based index of the episode within its scenario.' })
  episodeIndex!: number;
}

@ObjectType('ReportMeasures', { description: 'The conversation measures of the run’s episodes (src/kernel/measures): deterministic, cited, no model.' })
export class ReportMeasuresType {
  @Field(() => Int, { description: 'Episodes that carry measures.' })
  episodesMeasured!: number;

  @Field(() => Int, { description: 'Episodes scored before the measures existed; left out of every measure.' })
  episodesWithoutMeasures!: number;

  @Field(() => [String], { description: 'The measured speakers, self first.' })
  speakers!: string[];

  @Field(() => [MeasuredEpisodeType], { description: 'The measured episodes in report order, with their short keys.' })
  episodes!: MeasuredEpisodeType[];

  @Field(() => [ReportMeasureType], { description: 'Every pair measure of the catalog, then every speaker measure for each speaker; empty when no episode was measured.' })
  items!: ReportMeasureType[];
}

@ObjectType('JudgeAgreement', {
  description:
    'A judge dimension beside the measure that speaks to it, over the measured episodes. A gap of at least 0.35 (judge ÷ 10 against the measure, both 0–1; fixed in advance, not tuned) with at least 3 pieces of evidence is a disagreement. Neither side is ground truth.',
})
export class JudgeAgreementType {
  @Field(() => CompatibilityDimension, { description: 'The judge’s dimension.' })
  dimension!: string;

  @Field({ description: 'Its human-readable name.' })
  dimensionLabel!: string;

  @Field(() => JudgeAgreementMeasure, { description: 'The paired measure.' })
  measure!: string;

  @Field({ description: 'The paired measure’s name.' })
  measureLabel!: string;

  @Field({ description: 'How the paired measure is computed.' })
  definition!: string;

  @Field({ description: 'Why it speaks to the dimension, and what it misses.' })
  rationale!: string;

  @Field({ description: 'What the evidence counts ("bids", "questions").' })
  evidenceUnit!: string;

  @Field(() => Int, { description: 'Episodes with both a judge score and some evidence.' })
  episodes!: number;

  @Field(() => Float, { nullable: true, description: 'The judge’s mean over those episodes, 0–10.' })
  judgeMean!: number | null;

  @Field(() => Float, { nullable: true, description: 'The measure pooled over the same episodes (Σ hits / Σ evidence), 0–1.' })
  measureValue!: number | null;

  @Field(() => Int, { description: 'Pooled hits (bids turned toward, repairs, questions answered…).' })
  hits!: number;

  @Field(() => Int, { description: 'Pooled evidence (bids, negative interactions, questions…).' })
  total!: number;

  @Field(() => Float, { nullable: true, description: 'judgeMean ÷ 10 − measureValue; positive when the judge is the more generous.' })
  gap!: number | null;

  @Field({ description: 'At least 3 pieces of evidence.' })
  enoughEvidence!: boolean;

  @Field({ description: 'The gap is at least 0.35 and there is enough evidence.' })
  disagrees!: boolean;

  @Field(() => Float, { nullable: true, description: 'Spearman’s ρ between the judge’s score and the episode’s own value, from 5 episodes; null below, or when either side does not vary.' })
  spearman!: number | null;

  @Field(() => String, { nullable: true, description: 'The disagreement in plain words, citing the messages behind it; null when they agree.' })
  statement!: string | null;

  @Field(() => [ID], { description: 'Transcript message ids the statement rests on.' })
  citedMessageIds!: string[];

  @Field(() => [String], { description: 'Short references to the same messages ("t3"), same order.' })
  citedRefs!: string[];
}

@ObjectType('CompatibilityReport', {
  description: 'The compatibility report: distributions over seeded episodes, not single numbers. The same seed and models give the same report.',
})
export class CompatibilityReportType {
  @Field(() => ID, { description: 'The simulation.' })
  simulationId!: string;

  @Field({ description: 'The run’s seed; every interval derives its own seed from it.' })
  seed!: string;

  @Field({ description: 'The SELF persona’s name.' })
  selfName!: string;

  @Field({ description: 'The PARTNER persona’s name.' })
  partnerName!: string;

  @Field(() => Int, { description: 'Episodes scored.' })
  episodes!: number;

  @Field({ description: 'The run stopped (budget, cancellation) before every planned episode finished; the numbers cover only those that did.' })
  partial!: boolean;

  @Field(() => ReportEstimateType, { description: 'Overall compatibility 0–10: the mean of each episode’s dimension scores, over episodes. n = 0: the judge scored nothing (“not scored”, not zero).' })
  overall!: ReportEstimateType;

  @Field(() => [DimensionEstimateType], { description: 'Every judge dimension, in the order of CompatibilityDimension.' })
  dimensions!: DimensionEstimateType[];

  @Field(() => [ScenarioBreakdownType], { description: 'Per scenario, ordered by scenario id.' })
  perScenario!: ScenarioBreakdownType[];

  @Field(() => [HorsemanRateType], { description: 'The four horsemen, as the judge counted them.' })
  horsemen!: HorsemanRateType[];

  @Field(() => ReportEstimateType, { nullable: true, description: 'The judge’s positive-to-negative ratio over episodes; null when no episode had a negative interaction. (The measured ratio is among `measures`.)' })
  positiveToNegativeRatio!: ReportEstimateType | null;

  @Field(() => [ReportCriticalMomentType], { description: 'The 8 turns that swung scores most, by |impact|.' })
  criticalMoments!: ReportCriticalMomentType[];

  @Field(() => [String], { description: 'Strengths, written by the analysis model.' })
  strengths!: string[];

  @Field(() => [String], { description: 'Risks, written by the analysis model.' })
  risks!: string[];

  @Field(() => [String], { description: 'Recommendations, written by the analysis model.' })
  recommendations!: string[];

  @Field(() => [String], { description: 'What limits the report: persona fidelity, offline model, sample size, what the measures are.' })
  caveats!: string[];

  @Field(() => Int, { description: 'Tokens the run used.' })
  tokens!: number;

  @Field(() => Float, { description: 'USD the run cost.' })
  costUsd!: number;

  @Field(() => [String], { description: 'Models that answered, distinct and sorted.' })
  models!: string[];

  @Field(() => ReportMeasuresType, { description: 'The conversation measures per episode and over episodes, each with its definition, source and cited messages.' })
  measures!: ReportMeasuresType;

  @Field(() => [JudgeAgreementType], { description: 'Each judge dimension beside its paired measure, and where they disagree; empty when no episode was measured.' })
  judgeAgreement!: JudgeAgreementType[];

  @Field(() => ReportValidityType, { nullable: true, description: 'Whether a validation study covers these scores, or a plain statement that they are unvalidated; null on reports written before this was checked.' })
  validity!: ReportValidityType | null;
}

const known = (values: Record<string, string>) => new Set(Object.values(values));
const DIMENSION_VALUES = known(CompatibilityDimension);
const MEASURE_VALUES = known(ReportMeasureKey);
const PAIRING_VALUES = known(JudgeAgreementMeasure);

/**
 * A stored report as the GraphQL type. Old reports get the fields added since (no measures);
 * an entry whose key left an enum (a measure renamed since the report was written, a
 * dimension a model made up) is left out rather than failing the whole query.
 */
export function compatibilityReportType(stored: CompatibilityReport | Record<string, unknown>): CompatibilityReportType {
  const report = withReportDefaults(stored);
  return {
    ...report,
    criticalMoments: report.criticalMoments.filter((m) => DIMENSION_VALUES.has(m.dimension)),
    measures: { ...report.measures, items: report.measures.items.filter((m) => MEASURE_VALUES.has(m.key)) },
    judgeAgreement: report.judgeAgreement.filter((a) => PAIRING_VALUES.has(a.measure) && DIMENSION_VALUES.has(a.dimension)),
    validity: report.validity === null ? null : { ...report.validity, status: report.validity.status as ReportValidityStatus },
  };
}
