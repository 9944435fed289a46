import { toSimplified } from './chinese-script';

/**
 * Text prepared for pattern matching. Cheap evasions ("ｋｉｌｌ", "k.i.l.l", "s u i c i d e",
 * "k1ll", "ki\u200Bll", "kіll" with a Cyrillic і, "自 杀", 殺) all fold to the same words, so
 * the pattern lists are written once, in lower-case English and simplified Chinese.
 */
export interface NormalizedText {
  /**
   * NFKC, invisible characters and accents removed, lower case, simplified Chinese.
   * Punctuation and emoji are kept: "lol", "哈哈" and 😂 are read from here.
   */
  readonly plain: string;
  /**
   * Word views: only letters, digits and single spaces; no spaces next to Chinese characters;
   * apostrophes dropped ("i'm" → "im"). One per plausible reading of leetspeak ("1" as i or l)
   * and of stretched letters, deduplicated; patterns match against each.
   */
  readonly views: readonly string[];
}

/** Zero-width and other format characters (\p{Cf}), plus the blank fillers that render as nothing. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u180E\u2800]/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** Cyrillic and Greek look-alikes, folded only inside words that also use Latin letters. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', к: 'k', м: 'm', т: 't',
  ѕ: 's', ԁ: 'd', ӏ: 'l', ο: 'o', α: 'a', ι: 'i', κ: 'k', ε: 'e', ν: 'v', ρ: 'p', τ: 't',
};

const DIGIT_LEET: Readonly<Record<string, string>> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const SYMBOL_LEET: Readonly<Record<string, string>> = { '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };

type OneReading = 'i' | 'l';

/**
 * Words people split to slip past a filter ("sui cide", "ki ll my self"). Short fragments that
 * join into one of these are rejoined; the list stays small because a rejoin across real
 * words ("s kill") must not invent a word that is not there.
 */
const REJOINABLE = new Set([
  'kill', 'killing', 'myself', 'yourself', 'suicide', 'suicidal', 'die', 'dead', 'murder', 'rape',
  'bomb', 'unalive', 'overdose', 'nigger', 'faggot', 'porn', 'naked', 'nude', 'nudes', 'fuck',
  'cunt', 'bitch', 'whore', 'slut', 'meth', 'heroin', 'cocaine',
]);

/** Only ASCII: Unicode normalisation, invisible characters, look-alikes and Chinese script all leave it as it is. */
const ASCII_ONLY = /^[\x00-\x7F]*$/;

export function normalizeForModeration(text: string): NormalizedText {
  // Every word a reply streams is checked with the text before it (OutputGate), so this runs
  // hundreds of times a reply: plain ASCII, most chat, skips the steps that cannot change it.
  const ascii = ASCII_ONLY.test(text);
  const plain = ascii
    ? text.toLowerCase()
    : toSimplified(
        text
          .normalize('NFKD')
          .replace(COMBINING_MARKS, '')
          .normalize('NFKC')
          .replace(INVISIBLE, '')
          .toLowerCase(),
      );
  // Trailing punctuation is not leetspeak (foldToken keeps it as punctuation): "yours!" alone
  // must not triple the work, as it did for most chat replies checked while streaming.
  const probe = LEET_CHARACTER.test(plain) ? plain.replace(/[!?.,;:]+(?=\s|$)/g, '') : '';
  // LEET tries each letter of a word against the rest of the word, which on a whole chat context
  // cost more than the rest of this function: most probes lack the characters it needs.
  const hasLeet = LEET_CHARACTER.test(probe) && LEET.test(probe);
  const readings: (OneReading | null)[] = hasLeet ? [null, 'i', 'l'] : [null];
  const views = new Set<string>();
  for (const reading of readings) {
    const words = toWords(plain, reading, ascii);
    // "suiiiicide" needs its runs squeezed to one letter, "killlll" to two: keep both.
    const stretched = hasStretchedLetter(words);
    views.add(stretched ? collapseRuns(words, 2) : words);
    if (stretched) views.add(collapseRuns(words, 1));
  }
  return { plain, views: [...views] };
}

/** A letter and a leetspeak character in one token, or "2" for "to" between words (probed without trailing punctuation). */
const LEET = /[a-z][^\s]*[013457@$!|€]|[013457@$!|€][^\s]*[a-z]|[a-z] 2 [a-z]/;
/** Any character LEET needs ("2" included). */
const LEET_CHARACTER = /[0-57@$!|€]/;

/** Whether a letter a-z occurs three times in a row: what /([a-z])\1\1/ finds, in one pass. */
function hasStretchedLetter(words: string): boolean {
  for (let i = 2; i < words.length; i++) {
    const code = words.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a && code === words.charCodeAt(i - 1) && code === words.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** `ascii`: `plain` is plain ASCII (lower case by now), which only its separators change when read as written. */
function toWords(plain: string, oneReads: OneReading | null, ascii: boolean): string {
  const words =
    ascii && oneReads === null
      ? // The same words as below: no look-alikes, accents or Chinese in ASCII, and every separator is a non-alphanumeric.
        plain.replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()
      : plain
          .split(/\s+/)
          .map((token) => foldToken(token, oneReads))
          .join(' ')
          .replace(/['’‘`´]/g, '')
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          // Chinese has no spaces, so any space touching a Chinese character is an insertion.
          .replace(/\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/gu, '')
          .trim();
  const spelled = rejoinFragments(joinSpelledOut(words));
  // Chat shorthand between words ("want 2 die", "going 2 kill"), read with the leetspeak.
  return oneReads === null ? spelled : spelled.replace(/(?<=[a-z] )2(?= [a-z])/g, 'to');
}

function foldToken(token: string, oneReads: OneReading | null): string {
  // Real Russian or Greek words keep their letters; only words made of look-alikes fold.
  const foreign = token.match(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu);
  let out = foreign !== null && foreign.every((char) => char in CONFUSABLES)
    ? [...token].map((char) => CONFUSABLES[char] ?? char).join('')
    : token;
  if (oneReads === null || !/[a-z]/.test(out)) return out;
  // Trailing punctuation is punctuation ("you!"), not a letter in disguise.
  const tail = /[!?.,;:]+$/.exec(out)?.[0] ?? '';
  out = out.slice(0, out.length - tail.length);
  out = [...out]
    .map((char) => (char === '1' ? oneReads : (DIGIT_LEET[char] ?? SYMBOL_LEET[char] ?? char)))
    .join('');
  return out + tail;
}

/**
 * Words a spelled-out run may hold, so "k i l l m y s e l f" reads "kill myself" and not
 * "killmyself", which no pattern would match.
 */
const SPELLED_VOCABULARY = [
  ...REJOINABLE,
  'i', 'im', 'u', 'you', 'ur', 'your', 'urself', 'my', 'self', 'go', 'want', 'wanna', 'to', 'will', 'ill', 'gonna',
  'hang', 'shoot', 'stab', 'end', 'it', 'all', 'life', 'off', 'kys', 'kms', 'hate', 'how', 'make', 'a', 'the', 'and',
  'just', 'me', 'sex', 'die', 'cut', 'in', 'of', 'on', 'up',
].sort((a, b) => b.length - a.length);

/** "k i l l", "s.u.i.c.i.d.e" (already spaced by now): three or more single letters in a row. */
function joinSpelledOut(words: string): string {
  return words.replace(/(?<![a-z0-9])[a-z](?: [a-z]){2,}(?![a-z0-9])/g, (run) => segment(run.replace(/ /g, '')));
}

/** Splits a joined run into vocabulary words when it can be split completely; else keeps it whole. */
function segment(joined: string): string {
  // Memoised on the remainder, so a run of one-letter words cannot make this exponential.
  const failed = new Set<string>();
  const split = (rest: string): string[] | null => {
    if (rest === '') return [];
    if (failed.has(rest)) return null;
    for (const word of SPELLED_VOCABULARY) {
      if (!rest.startsWith(word)) continue;
      const tail = split(rest.slice(word.length));
      if (tail !== null) return [word, ...tail];
    }
    failed.add(rest);
    return null;
  };
  return joined.length <= 40 ? (split(joined)?.join(' ') ?? joined) : joined;
}

function rejoinFragments(words: string): string {
  const tokens = words.split(' ');
  // Only runs of short Latin fragments can join into a word: most positions start none.
  const fragment = tokens.map(isFragment);
  const out: string[] = [];
  let rejoined = false;
  for (let i = 0; i < tokens.length; ) {
    const joined = fragmentsJoinedAt(tokens, fragment, i);
    out.push(joined === 1 ? tokens[i]! : tokens.slice(i, i + joined).join(''));
    rejoined ||= joined > 1;
    i += joined;
  }
  return rejoined ? out.join(' ') : words;
}

/** How many tokens from `at` on (2 to 4, the most) are fragments that join into a REJOINABLE word; else 1. */
function fragmentsJoinedAt(tokens: readonly string[], fragment: readonly boolean[], at: number): number {
  if (!fragment[at]) return 1;
  let joined = tokens[at]!;
  let size = 1;
  for (let next = at + 1; next < at + 4 && next < tokens.length && fragment[next]; next++) {
    // Past every word's beginning, no longer join can be a word either.
    if (!REJOINABLE_STARTS.has(joined)) break;
    joined += tokens[next]!;
    if (REJOINABLE.has(joined)) size = next - at + 1;
  }
  return size;
}

/** Every beginning of a REJOINABLE word that is shorter than the word. */
const REJOINABLE_STARTS = new Set(
  [...REJOINABLE].flatMap((word) => Array.from({ length: word.length - 1 }, (_, end) => word.slice(0, end + 1))),
);

/** One to four lower-case Latin letters (what /^[a-z]{1,4}$/ matches, without a regex per token). */
function isFragment(token: string): boolean {
  if (token.length === 0 || token.length > 4) return false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

function collapseRuns(words: string, keep: 1 | 2): string {
  return words.replace(/([a-z])\1{2,}/g, keep === 2 ? '$1$1' : '$1');
}
