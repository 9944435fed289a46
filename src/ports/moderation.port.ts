/**
 * Moderation of what users type and what models say. Every chat turn passes through a
 * Moderator twice: the user's text before any model sees it (`input`) and the model's text
 * before any user sees it (`output`).
 */

/** OpenAI's category names, so a provider's verdict and the local one read the same. */
export const MODERATION_CATEGORIES = [
  'sexual',
  'sexual/minors',
  'hate',
  'harassment',
  'harassment/threatening',
  'violence',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'illicit',
] as const;

export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

export type ModerationDirection = 'input' | 'output';

/**
 * - `allow`: pass the text on.
 * - `block`: input fails with CONTENT_BLOCKED (naming `categories[0]`); output is replaced
 *   by the safe reply.
 * - `support`: self-harm. The caller answers with the supportive reply and its help
 *   resources, never a role-play reply, whichever direction the text came from.
 */
export type ModerationAction = 'allow' | 'block' | 'support';

export interface ModerationVerdict {
  flagged: boolean;
  /** The flagged categories, highest score first, so `categories[0]` is the one to report. */
  categories: ModerationCategory[];
  /** Every category that scored above zero, flagged or not (0..1), for logs and tuning. */
  scores: Partial<Record<ModerationCategory, number>>;
  action: ModerationAction;
}

export interface Moderator {
  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict>;
}

export function isModerationCategory(value: string): value is ModerationCategory {
  return (MODERATION_CATEGORIES as readonly string[]).includes(value);
}
