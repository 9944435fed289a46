import { DIMENSION_KEYS, HORSEMEN, type DimensionKey, type Horseman } from '../../../src/kernel/simulation/dimensions';
import type { RawEpisodeScore } from './episode-score.schema';

export const isDimension = (key: string): key is DimensionKey => (DIMENSION_KEYS as readonly string[]).includes(key);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

export interface CleanDimensionScore {
  dimension: DimensionKey;
  score: number;
  reasoning: string;
  citedIds: string[];
}

/**
 * The analysis agent's dimension verdicts, cleaned, in DIMENSIONS order: scores clamped to
 * 0–10, cited turn refs ("t3") mapped to message ids (unknown refs dropped). A dimension the
 * model left out or garbled (no numeric score) is left out too: a missing score is shown as
 * missing, never invented.
 */
export function cleanDimensionScores(raw: RawEpisodeScore, idOfRef: (ref: string) => string | undefined): CleanDimensionScore[] {
  const verdicts: Record<string, unknown> = isRecord(raw?.dimensions) ? raw.dimensions : {};
  return DIMENSION_KEYS.flatMap((dimension) => {
    const verdict = verdicts[dimension];
    if (!isRecord(verdict) || typeof verdict.score !== 'number' || !Number.isFinite(verdict.score)) return [];
    const refs = Array.isArray(verdict.citations) ? verdict.citations.filter((c): c is string => typeof c === 'string') : [];
    const citedIds = [...new Set(refs.map(idOfRef).filter((id): id is string => Boolean(id)))];
    return [{ dimension, score: clamp(verdict.score, 0, 10), reasoning: typeof verdict.reasoning === 'string' ? usableReasoning(verdict.reasoning) : '', citedIds }];
  });
}

/**
 * The reasoning as written, or '' when it is no sentence: a small model under a grammar
 * fills the string with fragments of the JSON it is writing (`:{`, a dimension's camelCase
 * key, the shape's "…" placeholder). Shown as no reasoning rather than as noise; the score stands.
 */
export function usableReasoning(text: string): string {
  const t = text.trim();
  if (!/\p{L}/u.test(t) || /[{}<>]|":|\bcitations\b|\breasoning\b/u.test(t) || DIMENSION_KEYS.some((k) => /\p{Lu}/u.test(k) && t.includes(k))) return '';
  return t;
}

/** Horsemen counts as non-negative integers; a count the model did not give is 0 (nothing observed). */
export function cleanHorsemen(raw: RawEpisodeScore): Record<Horseman, number> {
  const given: Record<string, unknown> = isRecord(raw?.horsemen) ? raw.horsemen : {};
  return Object.fromEntries(HORSEMEN.map((h) => [h, cleanCount(given[h])])) as Record<Horseman, number>;
}

export function cleanCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

/** Positive to negative interactions (Gottman's 5:1), 2 decimals; null without a negative one. */
export function interactionRatio(raw: RawEpisodeScore): number | null {
  const negative = cleanCount(raw?.negativeInteractions);
  return negative > 0 ? Math.round((cleanCount(raw?.positiveInteractions) / negative) * 100) / 100 : null;
}

/** Critical moments on turns that exist and known dimensions, impact clamped to −10 … +10. */
export function cleanCriticalMoments<L>(raw: RawEpisodeScore, lineOfRef: (ref: string) => L | undefined) {
  const moments = Array.isArray(raw?.criticalMoments) ? raw.criticalMoments : [];
  return moments.flatMap((m) => {
    const line = isRecord(m) && typeof m.turn === 'string' ? lineOfRef(m.turn) : undefined;
    if (line === undefined || typeof m.dimension !== 'string' || !isDimension(m.dimension) || typeof m.impact !== 'number' || !Number.isFinite(m.impact)) return [];
    return [{ line, dimension: m.dimension, impact: clamp(m.impact, -10, 10), note: typeof m.note === 'string' ? m.note.trim() : '' }];
  });
}
