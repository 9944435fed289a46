import { MODERATION_CATEGORIES, type ModerationCategory, type ModerationVerdict } from '../../ports/moderation.port';

export const SELF_HARM_CATEGORIES: readonly ModerationCategory[] = [
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
];

export function isSelfHarmCategory(category: ModerationCategory): boolean {
  return SELF_HARM_CATEGORIES.includes(category);
}

/**
 * Turns flagged categories into the action the caller takes; shared by every Moderator so
 * the provider's verdict and the local one lead to the same behaviour.
 *
 * Self-harm wins over everything else: "I want to shoot myself" is flagged as violence
 * too, and the person typing it needs help resources, not an error. `support` never forwards
 * the text to role-play either, so nothing that `block` would stop gets through.
 */
export function verdictFrom(
  flagged: Iterable<ModerationCategory>,
  scores: Partial<Record<ModerationCategory, number>>,
): ModerationVerdict {
  const unique = [...new Set(flagged)];
  const order = (category: ModerationCategory) => MODERATION_CATEGORIES.indexOf(category);
  const categories = unique.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || order(a) - order(b));
  const action = categories.some(isSelfHarmCategory) ? 'support' : categories.length > 0 ? 'block' : 'allow';
  return { flagged: categories.length > 0, categories, scores, action };
}
