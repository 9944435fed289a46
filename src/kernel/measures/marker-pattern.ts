/**
 * Builds the marker regexes: each word list compiles once, at module load, into one RegExp per
 * script, so a marker costs one or two `test`s per message however long its list grows.
 *
 * English entries are regex source with two conveniences: a space matches any run of
 * whitespace, and an apostrophe is optional and may be curly ("you're", "youre", "you’re"),
 * unless it sits in a character class.
 * They are wrapped in Latin-letter boundaries rather than `\b` or `\p{L}`: Han characters are
 * letters too, and mixed text glues English to Chinese ("我觉得you always…"), so only a Latin
 * letter, digit or apostrophe next to the phrase means it is part of a longer word.
 *
 * Chinese has no spaces, so Chinese entries (and emoji) match as substrings; each entry that
 * is also the start or end of unrelated words carries its own guard (see the lexicons).
 */

const LATIN_BEFORE = String.raw`(?<![\p{Script=Latin}\p{N}_'’])`;
const LATIN_AFTER = String.raw`(?![\p{Script=Latin}\p{N}_])`;

function english(entry: string): string {
  // An apostrophe inside a character class ("let[’']s": required) is left alone.
  return entry.replace(/ /g, String.raw`\s+`).replace(/(?<![[’])'(?![\]’])/g, "['’]?");
}

/**
 * One word list, compiled once into at most three RegExps by the script they need: English
 * phrases (case-insensitive, whole words), Chinese entries, and the rest (emoji, "?"). A
 * prepared message only runs the ones its script flags allow: a Chinese message skips the
 * English half, an English one the Chinese half.
 */
export class Marker {
  constructor(
    readonly latin: RegExp | null,
    readonly han: RegExp | null,
    readonly other: RegExp | null,
  ) {}

  /** Any text. */
  test(text: string): boolean {
    return test(this.other, text) || test(this.han, text) || test(this.latin, text);
  }

  /** A prepared message, whose `latin` / `cjk` flags say which halves can match at all. */
  matches(message: { text: string; latin: boolean; cjk: boolean }): boolean {
    return test(this.other, message.text) || (message.cjk && test(this.han, message.text)) || (message.latin && test(this.latin, message.text));
  }
}

function test(pattern: RegExp | null, text: string): boolean {
  return pattern !== null && pattern.test(text);
}

const HAN = /\p{Script=Han}/u;

function compile(sources: readonly string[], flags: string): RegExp | null {
  return sources.length > 0 ? new RegExp(sources.join('|'), flags) : null;
}

export function markerPattern(englishEntries: readonly string[], otherEntries: readonly string[] = []): Marker {
  return new Marker(
    englishEntries.length > 0 ? new RegExp(`${LATIN_BEFORE}(?:${englishEntries.map(english).join('|')})${LATIN_AFTER}`, 'iu') : null,
    compile(otherEntries.filter((e) => HAN.test(e)), 'u'),
    compile(otherEntries.filter((e) => !HAN.test(e)), 'u'),
  );
}

/** One marker that matches when any of the given ones does (one test instead of several). */
export function anyMarker(...markers: readonly Marker[]): Marker {
  const join = (parts: (RegExp | null)[], flags: string) => compile(parts.flatMap((p) => (p ? [p.source] : [])), flags);
  return new Marker(
    join(markers.map((m) => m.latin), 'iu'),
    join(markers.map((m) => m.han), 'u'),
    join(markers.map((m) => m.other), 'u'),
  );
}

/**
 * A message made only of the listed words (repeats and punctuation allowed: "ok.", "嗯嗯",
 * "fine whatever"). Emoji are not stripped: "ok ❤️" says more than "ok".
 */
export function wholeMessagePattern(englishWords: readonly string[], otherWords: readonly string[] = []): RegExp {
  const word = `(?:${[...englishWords.map(english), ...otherWords].join('|')})`;
  const gap = String.raw`[\s\p{P}]`;
  return new RegExp(`^${gap}*${word}(?:${gap}*${word})*${gap}*$`, 'iu');
}

/**
 * Chinese words that only mean the marker as a clause of their own, optionally with sentence
 * particles and repeats ("对", "对啊", "对对对", "没有的"), not inside a longer phrase ("对面",
 * "对不起", "可以吗"). Returns regex source for a lexicon's other-entries.
 */
export function hanClause(words: readonly string[], particles = '啊呀的呢哦嘛啦哒'): string {
  const word = `(?:${words.join('|')})`;
  return String.raw`(?<!\p{Script=Han})${word}(?:${word}|[${particles}])*(?!\p{Script=Han})`;
}
