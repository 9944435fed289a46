import { DIMENSION_KEYS, type DimensionKey, type EpisodeScore } from '../../../kernel/simulation/dimensions';

/**
 * Episodes of one run finish in any order (they may run concurrently), but the bootstrap draws
 * by position: sorting them canonically keeps the report identical however they arrived.
 * Code-unit comparison, not localeCompare, so the order is the same on every machine.
 */
export function canonicalEpisodeOrder(episodes: readonly EpisodeScore[]): EpisodeScore[] {
  return [...episodes].sort(
    (a, b) =>
      compareText(a.scenarioId, b.scenarioId) ||
      a.episodeIndex - b.episodeIndex ||
      compareText(a.episodeId, b.episodeId),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One episode's score for a dimension, or undefined when the analysis did not score it.
 * Scores come from a model: non-finite ones are dropped, out-of-range ones clamped to 0–10,
 * and a dimension scored twice counts once, as the mean of its scores.
 */
export function dimensionValue(episode: EpisodeScore, key: DimensionKey): number | undefined {
  const scores = episode.dimensions
    .filter((d) => d.dimension === key && Number.isFinite(d.score))
    .map((d) => Math.min(10, Math.max(0, d.score)));
  if (scores.length === 0) return undefined;
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

/** An episode's overall compatibility: the mean of the dimensions it was scored on. */
export function episodeOverall(episode: EpisodeScore): number | undefined {
  const values = DIMENSION_KEYS.map((key) => dimensionValue(episode, key)).filter(isNumber);
  if (values.length === 0) return undefined;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function isNumber(value: number | undefined | null): value is number {
  return typeof value === 'number';
}
