import type { ReportValidity } from './report-validity';
import { DIMENSIONS, HORSEMEN, type DimensionKey, type EpisodeScore, type Horseman } from '../../../kernel/simulation/dimensions';
import { topCriticalMoments, type ReportCriticalMoment } from './critical-moments';
import { canonicalEpisodeOrder, compareText, dimensionValue, episodeOverall, isNumber } from './episode-values';
import { estimateOf, round2, type Estimate } from './estimate';
import type { MessageRefs } from './message-refs';
import { buildJudgeAgreement, type ReportJudgeAgreement } from './report-judge-agreement';
import { buildReportMeasures, MEASURES_CAVEAT, type ReportMeasures } from './report-measures';
import { deriveSeed } from './seeded-random';

export { MEASURES_CAVEAT } from './report-measures';
export type { Estimate } from './estimate';
export type { ReportCriticalMoment } from './critical-moments';
export type { EpisodeMeasureValue, ReportMeasure, ReportMeasures } from './report-measures';
export type { ReportJudgeAgreement } from './report-judge-agreement';

export interface ReportNarrative {
  strengths: string[];
  risks: string[];
  recommendations: string[];
}

export interface CompatibilityReportInput {
  simulationId: string;
  /** The run's seed; every bootstrap in the report derives its own seed from it. */
  seed: string;
  episodes: EpisodeScore[];
  /** Written by the analysis agent; passed through as is. */
  narrative: ReportNarrative;
  caveats: string[];
  models: string[];
  tokens: number;
  costUsd: number;
  /** The run stopped (budget, cancel) before every planned episode finished. */
  partial: boolean;
  selfName: string;
  partnerName: string;
  /**
   * Transcript message id → the judge's short reference ("t3"), for citations a reader can
   * follow; ids not listed are shown shortened.
   */
  messageRefs?: MessageRefs;
  /** Whether a validity card of the owner covers these scores (reportValidity); null when not checked. */
  validity?: ReportValidity | null;
}

export interface DimensionEstimate {
  key: DimensionKey;
  label: string;
  estimate: Estimate;
}

export interface ScenarioBreakdown {
  scenarioId: string;
  title: string;
  episodes: number;
  overall: Estimate;
  dimensions: { key: DimensionKey; estimate: Estimate }[];
}

export interface HorsemanRate {
  key: Horseman;
  meanPerEpisode: number;
}

/**
 * The compatibility report: distributions, not single numbers. It carries no timestamp or
 * anything else that varies between runs, so the same seed and inputs give the same bytes in
 * every export format.
 */
export interface CompatibilityReport {
  simulationId: string;
  seed: string;
  selfName: string;
  partnerName: string;
  episodes: number;
  partial: boolean;
  overall: Estimate;
  /** In DIMENSIONS order. */
  dimensions: DimensionEstimate[];
  /** Ordered by scenario id. */
  perScenario: ScenarioBreakdown[];
  /** In HORSEMEN order. */
  horsemen: HorsemanRate[];
  /** Null when no episode had a negative interaction to divide by. */
  positiveToNegativeRatio: Estimate | null;
  /** Top 8 by |impact|. */
  criticalMoments: ReportCriticalMoment[];
  strengths: string[];
  risks: string[];
  recommendations: string[];
  caveats: string[];
  tokens: number;
  costUsd: number;
  /** Distinct, sorted: the order models were called in depends on scheduling. */
  models: string[];
  /** The conversation measures (no model) per episode and over episodes. */
  measures: ReportMeasures;
  /** The judge's dimensions beside their paired measures; empty when no episode was measured. */
  judgeAgreement: ReportJudgeAgreement[];
  /** Whether these scores are known to predict real outcomes; null on reports written before it was checked. */
  validity: ReportValidity | null;
}

/** Below this many scored episodes the report says its intervals are rough. */
const FEW_EPISODES = 5;

export function buildCompatibilityReport(input: CompatibilityReportInput): CompatibilityReport {
  const episodes = canonicalEpisodeOrder(input.episodes);
  const overall = estimateOf(episodes.map(episodeOverall).filter(isNumber), deriveSeed(input.seed, 'overall'));
  const perScenario = scenarioBreakdowns(episodes, input.seed);
  const measures = buildReportMeasures(episodes, input.seed, input.messageRefs);

  return {
    simulationId: input.simulationId,
    seed: input.seed,
    selfName: input.selfName,
    partnerName: input.partnerName,
    episodes: episodes.length,
    partial: input.partial,
    overall,
    dimensions: DIMENSIONS.map((d) => ({
      key: d.key,
      label: d.label,
      estimate: estimateOf(
        episodes.map((e) => dimensionValue(e, d.key)).filter(isNumber),
        deriveSeed(input.seed, 'dimension', d.key),
      ),
    })),
    perScenario,
    horsemen: HORSEMEN.map((key) => ({ key, meanPerEpisode: horsemanRate(episodes, key) })),
    positiveToNegativeRatio: ratioEstimate(episodes, input.seed),
    criticalMoments: topCriticalMoments(episodes),
    strengths: [...input.narrative.strengths],
    risks: [...input.narrative.risks],
    recommendations: [...input.narrative.recommendations],
    caveats: withMeasuresCaveat(withSampleCaveat(input.caveats, overall, perScenario), measures),
    tokens: input.tokens,
    // Summed per call, costs pick up float noise (0.30000000000000004); micro-dollars suffice.
    costUsd: Math.round(input.costUsd * 1e6) / 1e6,
    models: [...new Set(input.models)].sort(compareText),
    measures,
    judgeAgreement: buildJudgeAgreement(episodes, input.messageRefs),
    validity: input.validity ?? null,
  };
}

function scenarioBreakdowns(episodes: readonly EpisodeScore[], seed: string): ScenarioBreakdown[] {
  const byScenario = new Map<string, EpisodeScore[]>();
  for (const episode of episodes) {
    const group = byScenario.get(episode.scenarioId) ?? [];
    group.push(episode);
    byScenario.set(episode.scenarioId, group);
  }
  // Episodes are already in scenario-id order, so the map's insertion order is too.
  return [...byScenario].map(([scenarioId, group]) => ({
    scenarioId,
    title: group[0].scenarioTitle,
    episodes: group.length,
    overall: estimateOf(group.map(episodeOverall).filter(isNumber), deriveSeed(seed, 'scenario', scenarioId, 'overall')),
    dimensions: DIMENSIONS.map((d) => ({
      key: d.key,
      estimate: estimateOf(
        group.map((e) => dimensionValue(e, d.key)).filter(isNumber),
        deriveSeed(seed, 'scenario', scenarioId, 'dimension', d.key),
      ),
    })),
  }));
}

/** Counts per episode, averaged over all episodes; a count the analysis left out is a zero. */
function horsemanRate(episodes: readonly EpisodeScore[], key: Horseman): number {
  if (episodes.length === 0) return 0;
  const total = episodes.reduce((sum, e) => {
    const count = e.horsemen?.[key];
    return sum + (typeof count === 'number' && Number.isFinite(count) ? Math.max(0, count) : 0);
  }, 0);
  return round2(total / episodes.length);
}

function ratioEstimate(episodes: readonly EpisodeScore[], seed: string): Estimate | null {
  const ratios = episodes
    .map((e) => e.positiveToNegativeRatio)
    .filter((r): r is number => typeof r === 'number' && Number.isFinite(r) && r >= 0);
  return ratios.length === 0 ? null : estimateOf(ratios, deriveSeed(seed, 'positiveToNegativeRatio'));
}

/**
 * The caller's caveats, deduplicated, plus one about sample size when any estimate rests on
 * few episodes: a percentile bootstrap over 2–4 values understates the real uncertainty, and
 * an analyst reading "95% CI" deserves to know.
 */
function withSampleCaveat(caveats: readonly string[], overall: Estimate, perScenario: readonly ScenarioBreakdown[]): string[] {
  const all = [...caveats];
  const sizes = [overall, ...perScenario.map((s) => s.overall)].map((e) => e.n).filter((n) => n > 0);
  const smallest = sizes.length === 0 ? 0 : Math.min(...sizes);
  if (smallest === 0) {
    all.push('No episode was scored, so the report has no estimates: every "no data" entry is missing, not zero.');
  } else if (smallest === 1) {
    all.push('Some estimates rest on a single episode and have no interval at all; run more episodes per scenario.');
  } else if (smallest < FEW_EPISODES) {
    all.push(
      `Some intervals rest on only ${smallest} episodes; with so few, a bootstrap interval understates ` +
        'the real uncertainty, so read them as rough ranges.',
    );
  }
  return [...new Set(all)];
}

/** Said whenever measures are shown: a cited, deterministic number can look more certain than it is. */
function withMeasuresCaveat(caveats: string[], measures: ReportMeasures): string[] {
  return measures.episodesMeasured === 0 || caveats.includes(MEASURES_CAVEAT) ? caveats : [...caveats, MEASURES_CAVEAT];
}
