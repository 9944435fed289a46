import type { ConversationMeasures } from '../../../kernel/measures/conversation-measures';
import { JUDGE_PAIRINGS, judgeAgreement, type JudgeMeasureKey } from '../../../kernel/measures/judge-agreement';
import { DIMENSION_KEYS, DIMENSIONS, type DimensionKey, type EpisodeScore } from '../../../kernel/simulation/dimensions';
import { dimensionValue } from './episode-values';
import { round2 } from './estimate';
import { citeAcrossEpisodes, refOf, type MessageRefs } from './message-refs';
import { isMeasures, measuredEpisodes } from './report-measures';

export type { JudgeMeasureKey } from '../../../kernel/measures/judge-agreement';

/** One documented pairing of a judge dimension with a measure, over the run's measured episodes. */
export interface ReportJudgeAgreement {
  dimension: DimensionKey;
  dimensionLabel: string;
  measure: JudgeMeasureKey;
  measureLabel: string;
  /** How the paired measure is computed, and why it speaks to the dimension. */
  definition: string;
  rationale: string;
  evidenceUnit: string;
  episodes: number;
  /** 0–10, two decimals; null without an episode that has both. */
  judgeMean: number | null;
  /** 0–1 pooled over the same episodes, two decimals. */
  measureValue: number | null;
  hits: number;
  total: number;
  /** judgeMean / 10 − measureValue, two decimals. */
  gap: number | null;
  enoughEvidence: boolean;
  disagrees: boolean;
  spearman: number | null;
  statement: string | null;
  citedMessageIds: string[];
  citedRefs: string[];
}

/** `episodes` in canonical order; those without measures (older runs) take no part. */
export function buildJudgeAgreement(episodes: readonly EpisodeScore[], refs?: MessageRefs): ReportJudgeAgreement[] {
  const measured = episodes.filter((e) => isMeasures(e.measures));
  if (measured.length === 0) return [];
  const judged = measured.map((e) => ({
    judge: Object.fromEntries(DIMENSION_KEYS.map((key) => [key, dimensionValue(e, key)])),
    measures: e.measures as ConversationMeasures,
  }));
  // Which episode each cited message is from, so a statement can say "E2 t3" rather than an ambiguous "t3".
  const keys = new Map(measuredEpisodes(measured).map((m) => [m.episodeId, m.key]));
  const episodeOf = new Map<string, string>();
  for (const e of measured) for (const id of messageIdsOf(e.measures as ConversationMeasures)) episodeOf.set(id, keys.get(e.episodeId)!);
  const cite = (ids: readonly string[]) =>
    citeAcrossEpisodes(ids.map((id) => ({ episodeKey: episodeOf.get(id) ?? '', ref: refOf(id, refs) })), measured.length === 1);
  const rows = judgeAgreement(judged, { cite });
  return rows.map((row) => {
    const pairing = JUDGE_PAIRINGS.find((p) => p.key === row.key)!;
    const dimension = row.dimension as DimensionKey;
    return {
      dimension,
      dimensionLabel: DIMENSIONS.find((d) => d.key === dimension)?.label ?? dimension,
      measure: row.key,
      measureLabel: pairing.label,
      definition: pairing.definition,
      rationale: pairing.rationale,
      evidenceUnit: pairing.evidenceUnit,
      episodes: row.episodes,
      judgeMean: roundOrNull(row.judgeMean),
      measureValue: roundOrNull(row.measureValue),
      hits: row.hits,
      total: row.total,
      gap: roundOrNull(row.gap),
      enoughEvidence: row.enoughEvidence,
      disagrees: row.disagrees,
      spearman: roundOrNull(row.spearman),
      statement: row.statement,
      citedMessageIds: row.citedMessageIds,
      citedRefs: row.citedMessageIds.map((id) => refOf(id, refs)),
    };
  });
}

/** Every message id the measures cite, to tell which episode a citation came from. */
function messageIdsOf(m: ConversationMeasures): string[] {
  const ids: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'messageIds' && Array.isArray(inner)) ids.push(...inner.filter((x): x is string => typeof x === 'string'));
        else walk(inner);
      }
    }
  };
  walk(m);
  return ids;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round2(value);
}
