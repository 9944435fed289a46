import { randomBytes } from 'node:crypto';

/** The categories of OpenAI's omni-moderation models. */
export const MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

export function isModerationCategory(value: string): value is ModerationCategory {
  return (MODERATION_CATEGORIES as readonly string[]).includes(value);
}

/** A `moderation` result; `flagged` lists the categories that were hit (scored 0.99; the rest near 0). */
export function moderationResult(flagged: readonly ModerationCategory[]) {
  const categories = {} as Record<ModerationCategory, boolean>;
  const scores = {} as Record<ModerationCategory, number>;
  const appliedTypes = {} as Record<ModerationCategory, string[]>;
  for (const category of MODERATION_CATEGORIES) {
    categories[category] = flagged.includes(category);
    scores[category] = flagged.includes(category) ? 0.99 : 0.0001;
    appliedTypes[category] = ['text'];
  }
  return { flagged: flagged.length > 0, categories, category_scores: scores, category_applied_input_types: appliedTypes };
}

export function moderationBody(model: string, results: ReturnType<typeof moderationResult>[]) {
  return { id: `modr-${randomBytes(12).toString('hex')}`, model, results };
}
