import { isEmojiGrapheme, mayContainEmoji } from './emoji-usage';
import { graphemesOf } from './graphemes';

export interface PunctuationHabits {
  exclamationRate: number;
  questionRate: number;
  ellipsisRate: number;
  tildeRate: number;
  /** Among messages with text besides emoji: share that end without a punctuation mark. */
  noFinalPunctuationRate: number;
}

// Half- and full-width forms: Chinese and Japanese input methods type ！？～ and …… or 。。。
const EXCLAMATION = /[!！]/;
const QUESTION_MARK = /[?？]/;
const ELLIPSIS = /\.{2,}|…|⋯|。{2,}|\.。|｡{2,}/;
const TILDE = /[~～〜]/;
const FINAL_MARK = /^[\p{P}~～〜]$/u;
/** Sentence-final particles that make a Chinese or Japanese sentence a question. */
const QUESTION_PARTICLE_ENDING = /(?:吗|嗎|呢|吧|么|麼|ですか|ますか)$/;
const TRAILING_MARKS = /[\p{P}\s~～〜]+$/u;

/**
 * The text with trailing emoji and spaces removed: "ok 😂" ends like "ok", because the emoji
 * stands in for (not adds to) the closing mark.
 */
function withoutTrailingEmoji(text: string): string {
  if (!mayContainEmoji(text)) return text.trimEnd();
  const graphemes = graphemesOf(text);
  let end = graphemes.length;
  while (end > 0 && (/^\s+$/u.test(graphemes[end - 1]) || isEmojiGrapheme(graphemes[end - 1]))) end -= 1;
  return graphemes.slice(0, end).join('');
}

export function asksQuestion(text: string): boolean {
  if (QUESTION_MARK.test(text)) return true;
  return QUESTION_PARTICLE_ENDING.test(withoutTrailingEmoji(text).replace(TRAILING_MARKS, ''));
}

function endsWithoutPunctuation(text: string): boolean | null {
  const core = graphemesOf(withoutTrailingEmoji(text));
  if (core.length === 0) return null;
  return !FINAL_MARK.test(core[core.length - 1]);
}

function shareOf(texts: readonly string[], test: (text: string) => boolean): number {
  return texts.length === 0 ? 0 : texts.filter(test).length / texts.length;
}

export function punctuationHabits(texts: readonly string[]): PunctuationHabits {
  const endings = texts.map(endsWithoutPunctuation).filter((v): v is boolean => v !== null);
  return {
    exclamationRate: shareOf(texts, (t) => EXCLAMATION.test(t)),
    questionRate: shareOf(texts, (t) => QUESTION_MARK.test(t)),
    ellipsisRate: shareOf(texts, (t) => ELLIPSIS.test(t)),
    tildeRate: shareOf(texts, (t) => TILDE.test(t)),
    noFinalPunctuationRate: endings.length === 0 ? 0 : endings.filter(Boolean).length / endings.length,
  };
}

/** Share of messages that ask something: a question mark, or a question particle ending. */
export function questionRate(texts: readonly string[]): number {
  return shareOf(texts, asksQuestion);
}
