import type { ModerationCategory } from '../../ports/moderation.port';

/**
 * One weighted pattern of the local classifier. Patterns run against the word views of
 * `normalizeForModeration`: lower case, letters/digits/spaces only, no apostrophes ("im",
 * "dont", "youre"), simplified Chinese with no spaces, so they never need to spell out
 * punctuation or case.
 */
export interface PatternRule {
  /** Stable name, shown by `LocalModerator.explain` when tuning. */
  readonly id: string;
  readonly category: ModerationCategory;
  /** 0..1: how sure one match alone makes us. Matches of different rules add up (noisy-OR). */
  readonly weight: number;
  readonly pattern: RegExp;
  /**
   * A negation just before the match ("i dont want to die", "我不想自杀", "请不要伤害自己")
   * cuts the weight, because the same words are then a reassurance, not a statement.
   */
  readonly negatable?: boolean;
}

export function rule(
  id: string,
  category: ModerationCategory,
  weight: number,
  pattern: RegExp,
  options: { negatable?: boolean } = {},
): PatternRule {
  return { id, category, weight, pattern, negatable: options.negatable ?? false };
}

/** `a` then `b` within `gap` characters, or `b` then `a` within `gapBack`. */
export function near(a: string, b: string, gap: number, gapBack = gap): RegExp {
  return new RegExp(`(?:${a})[^]{0,${gap}}?(?:${b})|(?:${b})[^]{0,${gapBack}}?(?:${a})`);
}

/** Alternatives as one non-capturing group, for composing the lists below. */
export function anyOf(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}
