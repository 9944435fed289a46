import type { Measure, Side } from '../../../kernel/measures/conversation';
import type { ConversationMeasures } from '../../../kernel/measures/conversation-measures';
import { PAIR_MEASURES, SPEAKER_MEASURES, type CatalogEntry, type SpeakerMeasureEntry } from '../../../kernel/measures/measure-catalog';
import type { EpisodeScore } from '../../../kernel/simulation/dimensions';
import { isNumber } from './episode-values';
import { estimateOf, type Estimate } from './estimate';
import { refOf, type MessageRefs } from './message-refs';
import { deriveSeed } from './seeded-random';

/** One episode's value of one measure, with the messages behind it. */
export interface EpisodeMeasureValue {
  episodeId: string;
  scenarioId: string;
  scenarioTitle: string;
  episodeIndex: number;
  /** Three decimals; null when the episode had nothing to measure (no bid, no negative interaction). */
  value: number | null;
  n: number;
  messageIds: string[];
  /** Short references to the same messages, in the same order ("t3", or "#1a2b3c4d"). */
  refs: string[];
}

export interface ScenarioMeasureEstimate {
  scenarioId: string;
  estimate: Estimate;
}

export type MeasureScopeKey = 'PAIR' | 'SPEAKER';

/** One catalog measure (for one speaker, or the pair) over the run's episodes. */
export interface ReportMeasure {
  key: string;
  scope: MeasureScopeKey;
  /** The speaker's name for a speaker measure; null for the pair. */
  speaker: string | null;
  label: string;
  definition: string;
  source: string;
  scale: string;
  /** Mean over the episodes with a value, 95% bootstrap interval; n = those episodes. */
  estimate: Estimate;
  /** The same per scenario, in scenario-id order. */
  perScenario: ScenarioMeasureEstimate[];
  /** Every measured episode, in report order (a null value included, so a reader sees it was measured). */
  episodes: EpisodeMeasureValue[];
}

/** A measured episode and its short key ("E1"), which the Markdown and HTML citations use. */
export interface MeasuredEpisode {
  key: string;
  episodeId: string;
  scenarioId: string;
  scenarioTitle: string;
  episodeIndex: number;
}

export interface ReportMeasures {
  /** Episodes that carry measures; older episodes (scored before the measures existed) do not and are skipped. */
  episodesMeasured: number;
  episodesWithoutMeasures: number;
  /** The measured speakers, self first as the simulation measures them. */
  speakers: string[];
  /** The measured episodes in report order, keyed E1, E2… */
  episodes: MeasuredEpisode[];
  /** PAIR_MEASURES in catalog order, then each SPEAKER_MEASURES entry for each speaker. */
  items: ReportMeasure[];
}

/** Shown in the measures section and the caveats whenever measures are shown. */
export const MEASURES_CAVEAT =
  'The conversation measures are heuristic classifiers on the text (word lists and rules, no model), and neither they ' +
  'nor the judge’s scores have been validated against real outcomes for this couple: read both as descriptions of ' +
  'these simulated conversations, not predictions.';

type Measured = EpisodeScore & { measures: ConversationMeasures };

/** `episodes` must already be in canonical order: the bootstrap draws by position. */
export function buildReportMeasures(episodes: readonly EpisodeScore[], seed: string, refs?: MessageRefs): ReportMeasures {
  const measured = episodes.filter((e): e is Measured => isMeasures(e.measures));
  const speakers = speakersOf(measured);
  // Sides are looked up by name in each episode: a speaker's numbers must never mix with the other's.
  const bySpeaker = (entry: SpeakerMeasureEntry, name: string) => (m: ConversationMeasures) => {
    const side = m.speakers.indexOf(name);
    return side === 0 || side === 1 ? entry.of(m, side as Side) : null;
  };
  // Nothing measured: no rows of "no data" for a reader to wade through; the renderers say why.
  const items: ReportMeasure[] =
    measured.length === 0
      ? []
      : [
          ...PAIR_MEASURES.map((entry) => summarise(entry, 'PAIR', null, measured, (m) => entry.of(m), seed, refs)),
          ...SPEAKER_MEASURES.flatMap((entry) => speakers.map((name) => summarise(entry, 'SPEAKER', name, measured, bySpeaker(entry, name), seed, refs))),
        ];
  return {
    episodesMeasured: measured.length,
    episodesWithoutMeasures: episodes.length - measured.length,
    speakers,
    episodes: measuredEpisodes(measured),
    items,
  };
}

export function measuredEpisodes(episodes: readonly EpisodeScore[]): MeasuredEpisode[] {
  return episodes
    .filter((e) => isMeasures(e.measures))
    .map((e, i) => ({ key: `E${i + 1}`, episodeId: e.episodeId, scenarioId: e.scenarioId, scenarioTitle: e.scenarioTitle, episodeIndex: e.episodeIndex }));
}

function summarise(
  entry: CatalogEntry,
  scope: MeasureScopeKey,
  speaker: string | null,
  episodes: readonly Measured[],
  read: (m: ConversationMeasures) => Measure | null,
  seed: string,
  refs: MessageRefs | undefined,
): ReportMeasure {
  const values: EpisodeMeasureValue[] = episodes.flatMap((e) => {
    const m = read(e.measures);
    if (!m) return [];
    const value = typeof m.value === 'number' && Number.isFinite(m.value) ? round3(m.value) : null;
    return [
      {
        episodeId: e.episodeId,
        scenarioId: e.scenarioId,
        scenarioTitle: e.scenarioTitle,
        episodeIndex: e.episodeIndex,
        value,
        n: m.n,
        messageIds: [...m.messageIds],
        refs: m.messageIds.map((id) => refOf(id, refs)),
      },
    ];
  });
  const parts = speaker === null ? [scope, entry.key] : [scope, entry.key, speaker];
  const scenarioIds = [...new Set(values.map((v) => v.scenarioId))];
  return {
    key: entry.key,
    scope,
    speaker,
    label: entry.label,
    definition: entry.definition,
    source: entry.source,
    scale: entry.scale,
    estimate: estimateOf(values.map((v) => v.value).filter(isNumber), deriveSeed(seed, 'measure', ...parts)),
    perScenario: scenarioIds.map((scenarioId) => ({
      scenarioId,
      estimate: estimateOf(
        values.filter((v) => v.scenarioId === scenarioId).map((v) => v.value).filter(isNumber),
        deriveSeed(seed, 'scenario', scenarioId, 'measure', ...parts),
      ),
    })),
    episodes: values,
  };
}

/** The first two distinct names the measured episodes give, side 0 (self) first. */
function speakersOf(episodes: readonly Measured[]): string[] {
  const names: string[] = [];
  for (const side of [0, 1] as const) {
    for (const e of episodes) {
      const name = e.measures.speakers[side];
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, 2);
}

/** Stored episodes come back from jsonb; anything without the measured shape is treated as absent. */
export function isMeasures(value: unknown): value is ConversationMeasures {
  const m = value as ConversationMeasures | undefined;
  return !!m && Array.isArray(m.speakers) && Array.isArray(m.perSpeaker) && m.perSpeaker.length === 2 && !!m.pair;
}

/** Enough to tell an LSM of 0.872 from 0.868; the report must not carry float noise (0.30000000000000004). */
function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? 0 : rounded;
}
