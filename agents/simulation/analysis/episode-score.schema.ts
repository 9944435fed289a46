import { DIMENSION_KEYS } from '../../../src/domain/simulations/dimensions';

const turnRefs = { type: 'array', items: { type: 'string', pattern: '^t[0-9]+$' }, maxItems: 6 } as const;
const count = { type: 'integer', minimum: 0, maximum: 100 } as const;

/** JSON Schema of the analysis agent's verdict on one episode. */
export const episodeScoreSchema = {
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
          reasoning: { type: 'string', maxLength: 400 },
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
      maxItems: 4,
      items: {
        type: 'object',
        properties: {
          turn: { type: 'string', pattern: '^t[0-9]+$' },
          dimension: { type: 'string', enum: [...DIMENSION_KEYS] },
          impact: { type: 'number', minimum: -10, maximum: 10 },
          note: { type: 'string', maxLength: 300 },
        },
        required: ['turn', 'dimension', 'impact', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: ['dimensions', 'horsemen', 'positiveInteractions', 'negativeInteractions', 'criticalMoments'],
  additionalProperties: false,
} as const;

export interface RawEpisodeScore {
  dimensions: { dimension: string; score: number; reasoning: string; citations: string[] }[];
  horsemen: { criticism: number; contempt: number; defensiveness: number; stonewalling: number };
  positiveInteractions: number;
  negativeInteractions: number;
  criticalMoments: { turn: string; dimension: string; impact: number; note: string }[];
}

export const reportNarrativeSchema = {
  type: 'object',
  properties: {
    strengths: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 6 },
    risks: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 6 },
    recommendations: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 6 },
  },
  required: ['strengths', 'risks', 'recommendations'],
  additionalProperties: false,
} as const;
