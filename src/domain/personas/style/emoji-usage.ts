import { graphemesOf } from './graphemes';

// The `v` flag (needed for RGI_Emoji, which covers ZWJ sequences, skin tones, flags and
// keycaps) postdates our ES2022 target, so the pattern is built at run time (Node ≥ 20 has it).
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
/** Pictographic by Unicode, but typed as typography, not as emoji. */
const TYPOGRAPHIC = new Set(['©', '®', '™', '‼', '⁉', '〰', '〽', '↔', '↩', '↪', '▪', '▫']);
const VARIATION_SELECTOR_16 = /\uFE0F/g;
/** Every emoji has one of these; text without any needs no grapheme walk. */
const EMOJI_HINT = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3\uFE0F]/u;

export function mayContainEmoji(text: string): boolean {
  return EMOJI_HINT.test(text);
}

/**
 * One emoji, spelled one way: "❤" and "❤️" (with or without the emoji variation selector)
 * are the same habit, so single-symbol emoji are counted in their emoji-presentation form.
 * Sequences (ZWJ families, skin tones, flags) are kept as typed.
 */
function canonicalEmoji(grapheme: string): string {
  const bare = grapheme.replace(VARIATION_SELECTOR_16, '');
  if ([...bare].length !== 1) return grapheme;
  return EMOJI_PRESENTATION.test(bare) ? bare : `${bare}\uFE0F`;
}

function isEmoji(grapheme: string): boolean {
  if (RGI_EMOJI.test(grapheme)) return true;
  // Text-presentation symbols typed without the selector (a bare ☺ or ♥) still read as emoji.
  return PICTOGRAPHIC.test(grapheme) && !TYPOGRAPHIC.has(grapheme.replace(VARIATION_SELECTOR_16, ''));
}

/** The emoji in a text, in order, one entry per grapheme. */
export function emojiIn(text: string): string[] {
  if (!mayContainEmoji(text)) return [];
  return graphemesOf(text).filter(isEmoji).map(canonicalEmoji);
}

export function isEmojiGrapheme(grapheme: string): boolean {
  return isEmoji(grapheme);
}

export interface EmojiUsage {
  perMessage: number;
  top: { emoji: string; count: number }[];
}

export function emojiUsage(texts: readonly string[], topN = 10): EmojiUsage {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const emoji of emojiIn(text)) {
      counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
      total += 1;
    }
  }
  const top = [...counts]
    .map(([emoji, count]) => ({ emoji, count }))
    .sort((a, b) => b.count - a.count || (a.emoji < b.emoji ? -1 : 1))
    .slice(0, topN);
  return { perMessage: texts.length === 0 ? 0 : total / texts.length, top };
}
