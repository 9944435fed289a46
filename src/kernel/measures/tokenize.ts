/**
 * Words for the measures, in English, Chinese and mixed text. Chinese has no spaces, so it is
 * segmented with the built-in `Intl.Segmenter` (ICU's dictionary-based word breaker, word
 * granularity); Latin text splits on the same segmenter's word boundaries, which keeps
 * contractions ("don't") whole. One segmenter instance serves every call: creating one is the
 * expensive part.
 *
 * The segmenter costs about half a microsecond per segment and more per call, and a
 * 10,000-message chat would spend most of its measuring time in it. So it is given only the
 * Chinese: plain ASCII text takes a regex that yields the segmenter's words, and in Chinese
 * and mixed messages the runs of Han characters of many messages go to the segmenter
 * together while the ASCII between them takes the same regex (textFacts). tokenize.test.ts
 * checks that the words are the segmenter's.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

const ASCII = /^[\x00-\x7F]*$/;
const ASCII_LETTER = /[A-Za-z]/;
// UAX #29 word rules for ASCII: letters, digits and "_" run together ("42nd", "x2", "a_b"),
// but "_" alone is no word (the segmenter does not call it word-like); a ":",
// "'" or "." joins two letters ("don't", "e.g"); a ".", ",", ";" or "'" joins two digits ("3.5").
const ASCII_WORD = /_*[a-z0-9][a-z0-9_]*(?:(?:(?<=[a-z])[:'.](?=[a-z])|(?<=[0-9])[.,;'](?=[0-9]))[a-z0-9_]+)*/g;

/**
 * A message whose Han runs can be segmented apart from the rest: besides ASCII and Han
 * ideographs (U+3400–4DBF, U+4E00–9FFF) it has only CJK punctuation and emoji (with their
 * modifiers), none of which joins a neighbour into a word (UAX #29), so each Han run and each
 * ASCII piece has the words it would have alone. Anything else (kana, ’, accented letters)
 * and the exceptions below are segmented whole.
 */
const RUNS_APART =
  /^(?:[\x00-\x7F\u3400-\u4DBF\u4E00-\u9FFF，；：。！？、～…“”（）《》【】「」]|\p{Extended_Pictographic}[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]*)*$/u;
// ，； join two digits and ： two letters into one word (UAX #29 MidNum, MidLetter); a lone "_"
// is a word to the ASCII regex but not to the segmenter.
const SEGMENT_WHOLE = /[0-9][，；][0-9]|[A-Za-z]：[A-Za-z]|_/;
/**
 * Han runs joined per segmenter call: fewer calls, but V8 copies the call's whole text for
 * every segment it returns, so the batches stay short.
 */
const BATCH_CHARS = 32;

/** What prepareConversation reads from a message's text. */
export interface TextFacts {
  /** Lower-cased word-like segments (letters, ideographs, numbers); emoji and punctuation dropped. */
  words: string[];
  /** Han characters / Latin letters. */
  cjk: boolean;
  latin: boolean;
}

/** The facts of each text, in order. */
export function textFacts(texts: readonly string[]): TextFacts[] {
  const runs: string[] = [];
  const apart: number[] = []; // the texts whose Han runs are in `runs`
  const facts = texts.map((text, t): TextFacts => {
    // ASCII text has no Han, and its only Latin-script characters are A–Z and a–z.
    if (ASCII.test(text)) return { words: asciiWords(text), cjk: false, latin: ASCII_LETTER.test(text) };
    const cjk = HAN.test(text);
    const latin = LATIN.test(text);
    if (!RUNS_APART.test(text) || SEGMENT_WHOLE.test(text)) return { words: segmentedWords(text), cjk, latin };
    forEachPiece(text, (start, end, han) => {
      if (han) runs.push(text.slice(start, end));
    });
    apart.push(t);
    return { words: [], cjk, latin };
  });
  // A chat repeats its short clauses (哈哈哈, 好的, 晚安, 我也是): each distinct Han run goes to
  // the segmenter once per call. Nothing outlives the call, so one transcript's text never
  // speeds up another's (bench/conversation-measures.bench.ts times a chat whose clauses
  // rarely repeat beside one whose lines do).
  const distinct = new Map<string, number>();
  const unique: string[] = [];
  const runIndex = new Int32Array(runs.length);
  for (let r = 0; r < runs.length; r++) {
    let u = distinct.get(runs[r]);
    if (u === undefined) {
      u = unique.length;
      distinct.set(runs[r], u);
      unique.push(runs[r]);
    }
    runIndex[r] = u;
  }
  // Second pass over the same pieces, in the same order: each Han run's words, or the ASCII piece's.
  const { words: runWords, starts } = segmentRuns(unique);
  let run = 0;
  for (const t of apart) {
    const { words } = facts[t];
    forEachPiece(texts[t], (start, end, han) => {
      if (!han) for (const word of asciiWords(texts[t].slice(start, end))) words.push(word);
      else {
        const u = runIndex[run++];
        for (let k = starts[u], last = starts[u + 1]; k < last; k++) words.push(runWords[k]);
      }
    });
  }
  return facts;
}

const OTHER = 0;
const ASCII_PIECE = 1;
const HAN_PIECE = 2;

function pieceKind(c: number): number {
  if (c < 0x80) return ASCII_PIECE;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ? HAN_PIECE : OTHER;
}

/** Each maximal run of Han ideographs and of ASCII characters, in order; marks and emoji between them are skipped. */
function forEachPiece(text: string, visit: (start: number, end: number, han: boolean) => void): void {
  for (let start = 0; start < text.length; ) {
    const kind = pieceKind(text.charCodeAt(start));
    let end = start + 1;
    if (kind !== OTHER) {
      while (end < text.length && pieceKind(text.charCodeAt(end)) === kind) end++;
      visit(start, end, kind === HAN_PIECE);
    }
    start = end;
  }
}

/** Lower-cased word-like segments (letters, ideographs, numbers); emoji and punctuation dropped. */
export function wordsOf(text: string): string[] {
  return textFacts([text])[0].words;
}

function asciiWords(text: string): string[] {
  return text.toLowerCase().match(ASCII_WORD) ?? [];
}

/**
 * The words of each Han run. Runs go to the segmenter joined by "\n", a mandatory word break
 * (UAX #29 WB3a/b), so each run is segmented as it would be alone, and as it is in its
 * message: the dictionary segments each run of Han characters between rule breaks. Han
 * ideographs have no case, so the words need no lower-casing.
 */
function segmentRuns(runs: readonly string[]): { words: string[]; starts: Int32Array } {
  // Run r's words are words[starts[r]] … words[starts[r + 1] - 1].
  const words: string[] = [];
  const starts = new Int32Array(runs.length + 1);
  for (let first = 0; first < runs.length; ) {
    let last = first;
    let length = runs[first].length;
    while (last + 1 < runs.length && length < BATCH_CHARS) length += runs[++last].length + 1;
    const text = runs.slice(first, last + 1).join('\n');
    const segments = segmenter.segment(text);
    let run = first;
    let runEnd = runs[first].length;
    for (let at = 0; at < text.length; ) {
      const part = segments.containing(at)!;
      while (part.index > runEnd) {
        starts[++run] = words.length;
        runEnd += 1 + runs[run].length;
      }
      if (part.isWordLike) words.push(part.segment);
      at = part.index + part.segment.length;
    }
    starts[last + 1] = words.length;
    first = last + 1;
  }
  return { words, starts };
}

/**
 * The segmenter's word-like segments of a whole text, walked with `containing` from boundary
 * to boundary: the same segments as iterating (ICU finds the same boundaries either way)
 * without an iterator result per segment.
 */
function segmentedWords(text: string): string[] {
  const words: string[] = [];
  const segments = segmenter.segment(text);
  for (let at = 0; at < text.length; ) {
    const part = segments.containing(at)!;
    if (part.isWordLike) words.push(part.segment.toLowerCase());
    at = part.index + part.segment.length;
  }
  return words;
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
