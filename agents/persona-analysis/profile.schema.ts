/**
 * JSON Schemas for the analysis graph's structured outputs. Citations are short message
 * refs ("m12") that the graph maps back to transcript message ids; refs the model invents
 * are dropped, so every stored citation points at a real imported message.
 */
const citations = { type: 'array', items: { type: 'string', pattern: '^m[0-9]+$' }, maxItems: 8 } as const;
const unit = { type: 'number', minimum: 0, maximum: 1 } as const;
const trait = {
  type: 'object',
  properties: { score: unit, confidence: unit, citations },
  required: ['score', 'confidence', 'citations'],
  additionalProperties: false,
} as const;
const labelled = (label: string) =>
  ({
    type: 'array',
    maxItems: 10,
    items: {
      type: 'object',
      properties: { [label]: { type: 'string', maxLength: 200 }, citations },
      required: [label, 'citations'],
      additionalProperties: false,
    },
  }) as const;

export const OBSERVATION_KINDS = [
  'openness',
  'conscientiousness',
  'extraversion',
  'agreeableness',
  'neuroticism',
  'attachment',
  'love-language',
  'communication',
  'conflict',
  'repair',
  'value',
  'interest',
  'green-flag',
  'red-flag',
] as const;

export const observationsSchema = {
  type: 'object',
  properties: {
    observations: {
      type: 'array',
      maxItems: 12,
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: [...OBSERVATION_KINDS] },
          note: { type: 'string', maxLength: 300 },
          citations,
        },
        required: ['kind', 'note', 'citations'],
        additionalProperties: false,
      },
    },
  },
  required: ['observations'],
  additionalProperties: false,
} as const;

export const profileSchema = {
  type: 'object',
  properties: {
    summary: { type: 'string', maxLength: 1200 },
    bigFive: {
      type: 'object',
      properties: { openness: trait, conscientiousness: trait, extraversion: trait, agreeableness: trait, neuroticism: trait },
      required: ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'],
      additionalProperties: false,
    },
    attachmentStyle: {
      type: 'object',
      properties: { style: { type: 'string', enum: ['secure', 'anxious', 'avoidant', 'fearful-avoidant'] }, confidence: unit, citations },
      required: ['style', 'confidence', 'citations'],
      additionalProperties: false,
    },
    loveLanguages: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        properties: {
          language: { type: 'string', enum: ['words-of-affirmation', 'acts-of-service', 'receiving-gifts', 'quality-time', 'physical-touch'] },
          weight: unit,
          citations,
        },
        required: ['language', 'weight', 'citations'],
        additionalProperties: false,
      },
    },
    communicationStyle: {
      type: 'object',
      properties: { summary: { type: 'string', maxLength: 400 }, directness: unit, warmth: unit, humor: unit, citations },
      required: ['summary', 'directness', 'warmth', 'humor', 'citations'],
      additionalProperties: false,
    },
    conflictStyle: {
      type: 'object',
      properties: {
        criticism: unit,
        contempt: unit,
        defensiveness: unit,
        stonewalling: unit,
        repairHabits: labelled('habit'),
        citations,
      },
      required: ['criticism', 'contempt', 'defensiveness', 'stonewalling', 'repairHabits', 'citations'],
      additionalProperties: false,
    },
    values: labelled('value'),
    interests: labelled('interest'),
    greenFlags: labelled('flag'),
    redFlags: labelled('flag'),
  },
  required: ['summary', 'bigFive', 'attachmentStyle', 'loveLanguages', 'communicationStyle', 'conflictStyle', 'values', 'interests', 'greenFlags', 'redFlags'],
  additionalProperties: false,
} as const;

export interface Observation {
  kind: (typeof OBSERVATION_KINDS)[number];
  note: string;
  citations: string[];
}
