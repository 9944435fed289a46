import { z } from 'zod';

export const MAX_MODERATION_INPUTS = 256;

const textInputSchema = z.looseObject({ type: z.literal('text'), text: z.string() });
const imageInputSchema = z.looseObject({ type: z.literal('image_url') });

/** POST /v1/moderations body. */
export const moderationRequestSchema = z.looseObject({
  model: z.string().min(1).nullish(),
  input: z.union([
    z.string(),
    z.array(z.string()).min(1).max(MAX_MODERATION_INPUTS),
    z.array(z.union([textInputSchema, imageInputSchema])).min(1).max(MAX_MODERATION_INPUTS),
  ]),
});

export type ModerationRequest = z.infer<typeof moderationRequestSchema>;

/**
 * The texts to classify, one per result. A list of strings gives one result per string; a
 * multi-modal list is one input (OpenAI returns a single result for it), so its texts are joined.
 */
export function moderationTexts(request: ModerationRequest): string[] {
  const { input } = request;
  if (typeof input === 'string') return [input];
  if (input.every((item): item is string => typeof item === 'string')) return input;
  return [input.map((item) => (typeof item !== 'string' && item.type === 'text' ? item.text : '')).join('\n')];
}
