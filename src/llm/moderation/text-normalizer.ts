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
  const plain = ASCII_ONLY.test(text)
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
  const probe = plain.replace(/[!?.,;:]+(?=\s|$)/g, '');
  const hasLeet = /[a-z][^\s]*[013457@$!|€]|[013457@$!|€][^\s]*[a-z]|[a-z] 2 [a-z]/.test(probe);
  const readings: (OneReading | null)[] = hasLeet ? [null, 'i', 'l'] : [null];
  const views = new Set<string>();
  for (const reading of readings) {
    const words = toWords(plain, reading);
    views.add(collapseRuns(words, 2));
    // "suiiiicide" needs its runs squeezed to one letter, "killlll" to two: keep both.
    if (/([a-z])\1\1/.test(words)) views.add(collapseRuns(words, 1));
  }
  return { plain, views: [...views] };
}

function toWords(plain: string, oneReads: OneReading | null): string {
  const tokens = plain.split(/\s+/).map((token) => foldToken(token, oneReads));
  const words = tokens
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
  const fragment = tokens.map((t) => /^[a-z]{1,4}$/.test(t));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let joined = 1;
    for (let size = fragment[i] ? Math.min(4, tokens.length - i) : 0; size >= 2; size -= 1) {
      if (fragment.slice(i, i + size).every(Boolean) && REJOINABLE.has(tokens.slice(i, i + size).join(''))) {
        joined = size;
        break;
      }
    }
    out.push(joined === 1 ? tokens[i]! : tokens.slice(i, i + joined).join(''));
    i += joined;
  }
  return out.join(' ');
}

function collapseRuns(words: string, keep: 1 | 2): string {
  return words.replace(/([a-z])\1{2,}/g, keep === 2 ? '$1$1' : '$1');
}
