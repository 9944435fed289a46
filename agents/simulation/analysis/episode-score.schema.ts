import { DIMENSION_KEYS, type DimensionKey } from '../../../src/kernel/simulation/dimensions';

/** How much text the verdict carries: `brief` keeps a small local model's answer short enough to finish. */
export type ScoreDetail = 'full' | 'brief';

/** A small local model judges briefly (see SimulationDeps.smallModel). */
export const scoreDetailOf = (deps: { smallModel: boolean }): ScoreDetail => (deps.smallModel ? 'brief' : 'full');

/**
 * JSON Schema of the analysis agent's verdict on one episode.
 *
 * One required property per dimension, not an array of {dimension, score}: under a grammar
 * a small model fills an array by picking names from the enum, repeats one and drops the
 * others. Here the grammar writes each dimension's name itself, so every dimension gets a
 * score, and the name right before the score tells the model what it is scoring. Reasoning
 * comes before the score so the number follows from the judgement rather than preceding it.
 *
 * Kept small: the offline model reads this schema in its prompt (2048 tokens of context for
 * prompt and answer), so the ten verdicts and the counts share definitions ($ref), and
 * `pattern` / `additionalProperties` are left out (its grammar ignores the one and implies
 * the other; the cleaners check every field anyway).
 */
export function episodeScoreSchema(detail: ScoreDetail) {
  return judgeGroupSchema(DIMENSION_KEYS, detail, true);
}

/**
 * The schema of one judge call: one required verdict per dimension of `keys`, and — on the
 * call that carries them (`withCounts`) — the horsemen, the interaction counts and the
 * critical moments.
 */
export function judgeGroupSchema(keys: readonly DimensionKey[], detail: ScoreDetail, withCounts: boolean) {
  // Brief: a few words. Every character is generated under the grammar on a CPU, and a 1B
  // model's longer reasoning is not better reasoning.
  const text = detail === 'full' ? 400 : 24;
  // maxLength is enforced by the offline grammar: a small model otherwise "cites" by quoting
  // whole turns and runs out of tokens.
  const turnRef = { type: 'string', maxLength: 5 } as const;
  const verdict = {
    type: 'object',
    properties: {
      reasoning: { type: 'string', maxLength: text },
      score: { type: 'integer', minimum: 0, maximum: 10 },
      citations: { type: 'array', items: turnRef, maxItems: detail === 'full' ? 6 : 1 },
    },
    required: ['reasoning', 'score', 'citations'],
  } as const;
  const count = { $ref: '#/$defs/count' } as const;
  const dimensions = {
    type: 'object',
    properties: Object.fromEntries(keys.map((key) => [key, { $ref: '#/$defs/verdict' }])) as Record<DimensionKey, { $ref: '#/$defs/verdict' }>,
    required: [...keys],
  } as const;
  const counts = {
    horsemen: {
      type: 'object',
      properties: { criticism: count, contempt: count, defensiveness: count, stonewalling: count },
      required: ['criticism', 'contempt', 'defensiveness', 'stonewalling'],
    },
    positiveInteractions: count,
    negativeInteractions: count,
    criticalMoments: {
      type: 'array',
      maxItems: detail === 'full' ? 4 : 1,
      items: {
        type: 'object',
        properties: {
          turn: turnRef,
          dimension: { type: 'string', enum: [...DIMENSION_KEYS] },
          impact: { type: 'integer', minimum: -10, maximum: 10 },
          note: { type: 'string', maxLength: text },
        },
        required: ['turn', 'dimension', 'impact', 'note'],
      },
    },
  } as const;
  return {
    type: 'object',
    // The counts-only call (a small model's, see judgeTranscript) has no dimensions to fill.
    properties: { ...(keys.length > 0 ? { dimensions } : {}), ...(withCounts ? counts : {}) },
    required: [...(keys.length > 0 ? ['dimensions'] : []), ...(withCounts ? ['horsemen', 'positiveInteractions', 'negativeInteractions', 'criticalMoments'] : [])],
    $defs: {
      verdict,
      // Integer ranges of at most 100 values become enums in the offline grammar, so a small
      // model cannot write −10 criticisms.
      count: { type: 'integer', minimum: 0, maximum: 99 },
    },
  } as const;
}

/** One dimension's verdict as the model returns it. */
export interface RawDimensionVerdict {
  reasoning: string;
  score: number;
  citations: string[];
}

/**
 * The verdict as parsed. Typed loosely where a model can disagree with the schema (an
 * endpoint that ignores it, a reply cut at its token cap): the cleaners check every field.
 */
export interface RawEpisodeScore {
  dimensions: Partial<Record<DimensionKey, RawDimensionVerdict>>;
  horsemen: { criticism: number; contempt: number; defensiveness: number; stonewalling: number };
  positiveInteractions: number;
  negativeInteractions: number;
  criticalMoments: { turn: string; dimension: string; impact: number; note: string }[];
}

export function reportNarrativeSchema(detail: ScoreDetail) {
  const list = { type: 'array', items: { type: 'string', maxLength: detail === 'full' ? 300 : 80 }, maxItems: detail === 'full' ? 6 : 2 } as const;
  return {
    type: 'object',
    properties: { strengths: list, risks: list, recommendations: list },
    required: ['strengths', 'risks', 'recommendations'],
    additionalProperties: false,
  } as const;
}
