import { DIMENSION_KEYS } from '../../../src/domain/simulations/dimensions';

const count = { type: 'integer', minimum: 0, maximum: 100 } as const;

/** How much text the verdict carries: `brief` keeps a small local model's answer short enough to finish. */
export type ScoreDetail = 'full' | 'brief';

/** JSON Schema of the analysis agent's verdict on one episode. */
export function episodeScoreSchema(detail: ScoreDetail) {
  // Brief: ten dimensions must fit a small model's output budget (about 40 tokens each).
  const text = detail === 'full' ? 400 : 30;
  const turnRefs = { type: 'array', items: { type: 'string', pattern: '^t[0-9]+$' }, maxItems: detail === 'full' ? 6 : 1 } as const;
  return {
  type: 'object',
  properties: {
    dimensions: {
      type: 'array',
      minItems: DIMENSION_KEYS.length,
      maxItems: DIMENSION_KEYS.length,
      items: {
        type: 'object',
        properties: {
          dimension: { type: 'string', enum: [...DIMENSION_KEYS] },
          score: { type: 'number', minimum: 0, maximum: 10 },
          reasoning: { type: 'string', maxLength: text },
          citations: turnRefs,
        },
        required: ['dimension', 'score', 'reasoning', 'citations'],
        additionalProperties: false,
      },
    },
    horsemen: {
      type: 'object',
      properties: { criticism: count, contempt: count, defensiveness: count, stonewalling: count },
      required: ['criticism', 'contempt', 'defensiveness', 'stonewalling'],
      additionalProperties: false,
    },
    positiveInteractions: count,
    negativeInteractions: count,
    criticalMoments: {
      type: 'array',
      maxItems: detail === 'full' ? 4 : 1,
      items: {
        type: 'object',
        properties: {
          turn: { type: 'string', pattern: '^t[0-9]+$' },
          dimension: { type: 'string', enum: [...DIMENSION_KEYS] },
          impact: { type: 'number', minimum: -10, maximum: 10 },
          note: { type: 'string', maxLength: text },
        },
        required: ['turn', 'dimension', 'impact', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: ['dimensions', 'horsemen', 'positiveInteractions', 'negativeInteractions', 'criticalMoments'],
  additionalProperties: false,
  } as const;
}

export interface RawEpisodeScore {
  dimensions: { dimension: string; score: number; reasoning: string; citations: string[] }[];
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
