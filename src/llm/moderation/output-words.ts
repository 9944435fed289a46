import { toSimplified } from './chinese-script';
import { CHINESE_TERM_PREFIXES, LONGEST_CHINESE_TERM_PREFIX } from './chinese-term-prefixes';

/**
 * Characters after which a word is complete: whitespace, Chinese and Japanese script and CJK
 * punctuation (no spaces there, so each character is a word of its own). Latin punctuation is
 * not: "k!ll" and "k.i.l.l" are one word to the moderator, so only whitespace ends a Latin word.
 */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F\\uFF01\\uFF0C\\uFF1A\\uFF1B\\uFF1F';
const WORD_END = new RegExp(`[\\s${CJK}]`, 'u');
/** One word with the whitespace after it (or the whitespace a text starts with). */
const WORD = new RegExp(`^\\s+|[${CJK}]\\s*|[^\\s${CJK}]+\\s*`, 'gu');
/**
 * A "word" longer than this (a URL, a run of emoji) is no word a rule matches whole: it is cut
 * after its last punctuation, where the moderator's word views split it anyway, or else here.
 */
const LONGEST_WORD = 64;
/** What stays held of such a word when it has no punctuation to cut at. */
const HELD_OF_A_LONG_WORD = 16;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The Chinese characters at the end of a text, as the moderator reads them: its word views
 * drop punctuation, spaces and emoji between Chinese characters ("自，杀" reads "自杀").
 */
const TRAILING_CHINESE = new RegExp(`(?:\\p{Script=Han}[^\\p{L}\\p{N}]*){1,${Math.max(1, LONGEST_CHINESE_TERM_PREFIX)}}$`, 'u');

/**
 * Cuts a streamed reply into whole words for output moderation with the in-process moderator:
 * a check costs microseconds, so each word can be checked and released as soon as it is
 * complete, and the client sees the reply at the model's own pace. Only a word still being
 * written is held ("lo" of "lovely"), so the client never sees part of a word, such as the
 * start of a slur, whose check has not run. For the same reason, Chinese text that ends in the
 * first characters of a rule's term ("自" of "自杀", "一了百" of "一了百了") is held until the next
 * characters show whether the term is completed. Pure: `push` takes the model's pieces and
 * returns the words now complete; `rest` returns what is left when the stream ends.
 */
export class OutputWords {
  private pending = '';

  constructor(private readonly termPrefixes: ReadonlySet<string> = CHINESE_TERM_PREFIXES) {}

  push(text: string): string[] {
    this.pending += text;
    const end = this.completeEnd();
    if (end === 0) return [];
    const complete = this.pending.slice(0, end);
    this.pending = this.pending.slice(end);
    return complete.match(WORD) ?? [];
  }

  /** What is still held at the end of the stream ('' when nothing). */
  rest(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  /** Where the text that can be checked now ends: after the last complete word, before a held term start. */
  private completeEnd(): number {
    const wordEnd = this.lastWordEnd();
    if (wordEnd === 0) return 0;
    return wordEnd - this.heldTermStart(this.pending.slice(0, wordEnd));
  }

  /** The end of the last complete word (0 when none); scans back over the word still being written only. */
  private lastWordEnd(): number {
    const text = this.pending;
    let i = text.length;
    while (i > 0) {
      const size = isLowSurrogate(text.charCodeAt(i - 1)) && i >= 2 ? 2 : 1;
      if (WORD_END.test(text.slice(i - size, i))) break;
      i -= size;
    }
    return text.length - i > LONGEST_WORD ? this.longWordCut(i) : i;
  }

  /** Where to cut the word that starts at `start` and has grown past LONGEST_WORD. */
  private longWordCut(start: number): number {
    const word = this.pending.slice(start);
    const punctuation = /[^\p{L}\p{N}\p{M}\p{Cf}](?=[\p{L}\p{N}\p{M}\p{Cf}]*$)/u.exec(word);
    if (punctuation) return start + punctuation.index + punctuation[0].length;
    // Keep the last few characters back, never half of a surrogate pair (an emoji).
    const cut = this.pending.length - HELD_OF_A_LONG_WORD;
    return isLowSurrogate(this.pending.charCodeAt(cut)) ? cut - 1 : cut;
  }

  /** How many characters at the end of `complete` may be the start of a Chinese term (0 for none). */
  private heldTermStart(complete: string): number {
    const trailing = TRAILING_CHINESE.exec(complete)?.[0];
    if (!trailing) return 0;
    // Longest first: a held "一了百" also covers the "百" it ends with.
    const han = [...trailing.matchAll(/\p{Script=Han}/gu)];
    for (const [i, first] of han.entries()) {
      const term = toSimplified(han.slice(i).map((m) => m[0]).join(''));
      if (this.termPrefixes.has(term)) return trailing.length - first.index!;
    }
    return 0;
  }
}
