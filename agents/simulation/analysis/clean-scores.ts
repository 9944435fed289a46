import { DIMENSION_KEYS, type DimensionKey } from '../../../src/domain/simulations/dimensions';
import type { RawEpisodeScore } from './episode-score.schema';

export const isDimension = (key: string): key is DimensionKey => (DIMENSION_KEYS as readonly string[]).includes(key);

/**
 * The analysis agent's dimension verdicts, cleaned: known dimensions once each, scores
 * clamped to 0–10, cited turn refs ("t3") mapped to message ids (unknown refs dropped).
 */
export function cleanDimensionScores(raw: RawEpisodeScore, idOfRef: (ref: string) => string | undefined) {
  const seen = new Set<string>();
  return (raw.dimensions ?? [])
    .filter((d) => isDimension(d.dimension) && !seen.has(d.dimension) && seen.add(d.dimension))
    .map((d) => ({
      dimension: d.dimension as DimensionKey,
      score: Math.max(0, Math.min(10, d.score)),
      reasoning: d.reasoning,
      citedIds: (d.citations ?? []).map(idOfRef).filter((id): id is string => Boolean(id)),
    }));
}
