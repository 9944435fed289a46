/**
 * Words for the measures, in English, Chinese and mixed text. Chinese has no spaces, so it is
 * segmented with the built-in `Intl.Segmenter` (ICU's dictionary-based word breaker, word
 * granularity); Latin text splits on the same segmenter's word boundaries, which keeps
 * contractions ("don't") whole. One segmenter instance serves every call: creating one is the
 * expensive part.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Plain ASCII text (most English chat) takes a regex that yields the segmenter's words at a
 * fraction of its cost; a 10,000-message chat would otherwise spend most of its measuring
 * time in ICU. tokenize.test.ts checks the two agree.
 */
const ASCII = /^[\x00-\x7F]*$/;
const ASCII_LETTER = /[A-Za-z]/;
// UAX #29 word rules for ASCII: letters, digits and "_" run together ("42nd", "x2"); a ":",
// "'" or "." joins two letters ("don't", "e.g"); a ".", ",", ";" or "'" joins two digits ("3.5").
const ASCII_WORD = /[a-z0-9_]+(?:(?:(?<=[a-z])[:'.](?=[a-z])|(?<=[0-9])[.,;'](?=[0-9]))[a-z0-9_]+)*/g;

/** Lower-cased word-like segments (letters, ideographs, numbers); emoji and punctuation dropped. */
export function wordsOf(text: string): string[] {
  return ASCII.test(text) ? asciiWords(text) : segmentedWords(text);
}

function asciiWords(text: string): string[] {
  return text.toLowerCase().match(ASCII_WORD) ?? [];
}

/**
 * The segmenter's word-like segments, walked with `containing` from boundary to boundary: the
 * same segments as iterating (ICU finds the same boundaries either way) without an iterator
 * result per segment, which is most of the cost on Chinese text.
 */
function segmentedWords(text: string): string[] {
  const words: string[] = [];
  const segments = segmenter.segment(text);
  for (let at = 0; at < text.length; ) {
    const part = segments.containing(at)!;
    const segment = part.segment;
    if (part.isWordLike) words.push(isCaseless(segment) ? segment : segment.toLowerCase());
    at = part.index + segment.length;
  }
  return words;
}

/** CJK ideographs (U+3400–U+9FFF) have no case: most Chinese words skip toLowerCase. */
function isCaseless(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}

/** What prepareConversation reads from a message's text, in one pass where the text is plain ASCII. */
export interface TextFacts {
  words: string[];
  cjk: boolean;
  latin: boolean;
}

export function textFacts(text: string): TextFacts {
  // ASCII text has no Han, and its only Latin-script characters are A–Z and a–z.
  if (ASCII.test(text)) return { words: asciiWords(text), cjk: false, latin: ASCII_LETTER.test(text) };
  return { words: segmentedWords(text), cjk: HAN.test(text), latin: LATIN.test(text) };
}

export function hasCjk(text: string): boolean {
  return HAN.test(text);
}

export function hasLatin(text: string): boolean {
  return LATIN.test(text);
}

/**
 * A word made of Han characters (Chinese word lists apply), as opposed to a Latin one: it has a
 * Han character. Checked by code unit because sentiment asks for every word of every Chinese
 * message: U+3400–4DBF and U+4E00–9FFF are all Han; nothing below U+2E80 (the first Han block)
 * is; anything else is left to the regex.
 */
export function isHanWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
    if (c >= 0x2e80) return HAN.test(word);
  }
  return false;
}
