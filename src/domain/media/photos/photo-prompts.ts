import { definePrompt } from '../../../llm/prompts/prompt';

/** What a photo may say about a persona (a subset of the analysis graph's kinds, plus what only pictures show). */
export const PHOTO_OBSERVATION_KINDS = ['interest', 'lifestyle', 'value', 'style', 'social', 'green-flag', 'red-flag'] as const;
export type PhotoObservationKind = (typeof PHOTO_OBSERVATION_KINDS)[number];

export const photoObservationsSchema = {
  type: 'object',
  properties: {
    observations: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: [...PHOTO_OBSERVATION_KINDS] },
          note: { type: 'string', maxLength: 300 },
        },
        required: ['kind', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: ['observations'],
  additionalProperties: false,
} as const;

export const analyzePhotoPrompt = definePrompt<{ name: string; photoKind: string }>({
  name: 'media.analyze-photo',
  version: 1,
  template: `You help a user understand {{name}}, someone they are dating or getting to know, from a {{photoKind}} photo the user uploaded.
Write up to 8 short observations of what the photo shows that bears on their interests, lifestyle, values, personal style and social life (e.g. "hikes: trail and backpack in view").
Only what is visible or strongly suggested. Never guess ethnicity, religion, health, sexual orientation, politics or other sensitive traits, never try to identify the person, and never judge their looks.`,
});
