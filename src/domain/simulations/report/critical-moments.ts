import type { CriticalMoment, EpisodeScore } from '../../../kernel/simulation/dimensions';
import { compareText } from './episode-values';

/** A critical moment with enough context to find it: which scenario, which episode. */
export type ReportCriticalMoment = CriticalMoment & { scenarioTitle: string; episodeIndex: number };

/**
 * The moments that swung scores most, by |impact|. Equal impacts are common (models like round
 * numbers), so ties fall back to a full ordering on the moment's own fields; the list must not
 * depend on the order episodes arrived in.
 */
export function topCriticalMoments(episodes: readonly EpisodeScore[], limit = 8): ReportCriticalMoment[] {
  const moments = episodes.flatMap((episode) =>
    episode.criticalMoments
      .filter((m) => Number.isFinite(m.impact))
      .map((m) => ({ moment: m, episode })),
  );
  moments.sort(
    (a, b) =>
      Math.abs(b.moment.impact) - Math.abs(a.moment.impact) ||
      // A setback ranks before an equal gain: risks are what an analyst must not miss.
      a.moment.impact - b.moment.impact ||
      compareText(a.episode.scenarioId, b.episode.scenarioId) ||
      a.episode.episodeIndex - b.episode.episodeIndex ||
      compareText(a.episode.episodeId, b.episode.episodeId) ||
      compareText(a.moment.turnId, b.moment.turnId) ||
      compareText(a.moment.dimension, b.moment.dimension) ||
      compareText(a.moment.speaker, b.moment.speaker) ||
      compareText(a.moment.quote, b.moment.quote) ||
      compareText(a.moment.note, b.moment.note),
  );
  // Built field by field so the key order (and so the JSON) is fixed, and stray fields stay out.
  return moments.slice(0, limit).map(({ moment, episode }) => ({
    turnId: moment.turnId,
    speaker: moment.speaker,
    quote: moment.quote,
    dimension: moment.dimension,
    impact: moment.impact,
    note: moment.note,
    scenarioTitle: episode.scenarioTitle,
    episodeIndex: episode.episodeIndex,
  }));
}
