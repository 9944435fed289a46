/**
 * VADER's compound score for English text (Hutto & Gilbert 2014), exactly as vader-sentiment
 * 1.1.3's polarity_scores computes it, without that port's per-call costs: SentiText builds a
 * punctuation table for every message (~40 µs), and sentiment_valence lower-cases each
 * neighbour again and copies the 59-word negation list for each of up to three neighbours of
 * every lexicon word. Here each distinct token is read once (lexicon valence, booster,
 * negation, ALL CAPS) and the library's rules (sentiment_valence, scalar_inc_dec, never_check,
 * idioms_check, least_check, but_check, score_valence) are applied step for step, in the same
 * floating-point order, so the compound is the same number; sentiment.test.ts checks it
 * against polarity_scores.
 *
 * The lexicon stays the library's: a token's valence is read through sentiment_valence on the
 * token alone. VADER's lexicon has no 0 entries, so 0 means "not in the lexicon". The short
 * rule lists below (negations, boosters, idioms) are copied from the library's bundle
 * (Apache-2.0), which does not export them.
 */
import type { SentimentIntensityAnalyzer } from 'vader-sentiment';

// VADER's constants: booster increment / decrement, ALL CAPS increment, negation scalar, alpha.
export const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
export const N_SCALAR = -0.74;
const ALPHA = 15;

/** BOOSTER_DICT's one-word keys. Its two-word keys are in BOOSTER_BIGRAMS. */
const BOOSTERS = new Map<string, number>([
  ...('absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially ' +
    'exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly ' +
    'hella highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so ' +
    'substantially thoroughly totally tremendously uber unbelievably unusually utterly very')
    .split(' ')
    .map((w): [string, number] => [w, B_INCR]),
  ...('almost barely hardly kinda kindof kind-of less little marginally occasionally partly scarcely slightly somewhat ' +
    'sorta sortof sort-of')
    .split(' ')
    .map((w): [string, number] => [w, B_DECR]),
]);
/** BOOSTER_DICT's keys with a space: idioms_check lowers a lexicon word one or two words after "kind of" by 0.293. */
const BOOSTER_BIGRAMS = new Set(['just enough', 'kind of', 'sort of']);
const NEGATE = new Set(
  ("aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont hadnt " +
    "hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never " +
    "none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't " +
    "weren't without wont wouldnt won't wouldn't rarely seldom despite").split(' '),
);
const IDIOMS = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['yeah right', -2],
  ['cut the mustard', 2],
  ['kiss of death', -1.5],
  ['hand to mouth', -2],
]);

let analyzer: typeof SentimentIntensityAnalyzer | null = null;

/** The lexicon valence of token.toLowerCase(), 0 when it is not in VADER's lexicon. */
function lexiconValence(token: string): number {
  analyzer ??= (require('vader-sentiment') as typeof import('vader-sentiment')).SentimentIntensityAnalyzer;
  // Alone (index 0) and with is_cap_diff false, sentiment_valence returns the lexicon value as is.
  return analyzer.sentiment_valence(0, { words_and_emoticons: [token], is_cap_diff: false }, token, 0, [])[0];
}

/** What VADER's rules read from one token, worked out once per distinct token. */
interface Token {
  /** As written: the idiom, "never so" and negation rules compare the token as written. */
  text: string;
  lower: string;
  /** Lexicon valence, 0 when not in the lexicon. */
  valence: number;
  /** BOOSTER_DICT value (±0.293), 0 for other words. */
  booster: number;
  /** is_upper_python: no a–z and at least one A–Z. */
  upper: boolean;
  /** negated([token]): a negation word, or containing "n't". */
  negates: boolean;
}

// Bounded like the Chinese token cache in sentiment.ts, and for the same reason.
const TOKEN_CACHE_LIMIT = 100_000;
const tokens = new Map<string, Token>();

function tokenOf(text: string): Token {
  let token = tokens.get(text);
  if (token === undefined) {
    const lower = text.toLowerCase();
    token = {
      text,
      lower,
      valence: lexiconValence(text),
      booster: BOOSTERS.get(lower) ?? 0,
      upper: isUpperPython(text),
      negates: NEGATE.has(text) || text.includes("n't"),
    };
    if (tokens.size >= TOKEN_CACHE_LIMIT) tokens.clear();
    tokens.set(text, token);
  }
  return token;
}

function isUpperPython(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

// ---------------------------------------------------------------------------------------------
// SentiText.words_and_emoticons

const PUNC_LIST = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];

/** JavaScript's `\s`, which SentiText splits on. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The ASCII punctuation SentiText's REGEX_REMOVE_PUNCTUATION removes; PUNC_LIST is made of it. */
function isPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * SentiText's words_plus_punc table holds every punctuation-free word of the text (longer than
 * one character) with each PUNC_LIST entry before or after it. A token's own punctuation-free
 * form is one of those words, so "the rest of the token is in the table" comes down to "the rest
 * is longer than one character and has no punctuation"; no table is needed.
 */
function isTableWord(rest: string): boolean {
  if (rest.length <= 1) return false;
  for (let i = 0; i < rest.length; i++) if (isPunctuation(rest.charCodeAt(i))) return false;
  return true;
}

/** SentiText.words_and_emoticons: whitespace tokens longer than one character, one leading or trailing PUNC_LIST entry removed where the table has the rest. */
export function vaderWords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - start > 1) out.push(stripped(text.slice(start, i)));
    start = i + 1;
  }
  return out;
}

function stripped(token: string): string {
  if (!isPunctuation(token.charCodeAt(0)) && !isPunctuation(token.charCodeAt(token.length - 1))) return token;
  for (const p of PUNC_LIST) {
    if (token.startsWith(p) && isTableWord(token.slice(p.length))) return token.slice(p.length);
    if (token.endsWith(p) && isTableWord(token.slice(0, -p.length))) return token.slice(0, -p.length);
  }
  return token;
}

// ---------------------------------------------------------------------------------------------
// The valence rules, as in SentimentIntensityAnalyzer

/** sentiment_valence for a lexicon word at index r. */
function valenceAt(words: readonly Token[], r: number, capDiff: boolean): number {
  const word = words[r];
  let valence = word.valence;
  if (word.upper && capDiff) valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
  for (let u = 0; u < 3; u++) {
    // Each of the three words before it that is not itself a lexicon word may modify it.
    if (r <= u || words[r - (u + 1)].valence !== 0) continue;
    let scalar = scalarIncDec(words[r - (u + 1)], valence, capDiff);
    if (u === 1 && scalar !== 0) scalar *= 0.95;
    else if (u === 2 && scalar !== 0) scalar *= 0.9;
    valence += scalar;
    valence = neverCheck(valence, words, u, r);
    if (u === 2) valence = idiomsCheck(valence, words, r);
  }
  return leastCheck(valence, words, r);
}

function scalarIncDec(word: Token, valence: number, capDiff: boolean): number {
  if (word.booster === 0) return 0;
  let scalar = word.booster;
  if (valence < 0) scalar *= -1;
  if (capDiff && word.upper) scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
  return scalar;
}

function neverCheck(valence: number, w: readonly Token[], u: number, r: number): number {
  const soOrThis = (k: number) => w[k].text === 'so' || w[k].text === 'this';
  if (u === 0 && w[r - 1].negates) valence *= N_SCALAR;
  if (u === 1) {
    if (w[r - 2].text === 'never' && soOrThis(r - 1)) valence *= 1.5;
    else if (w[r - 2].negates) valence *= N_SCALAR;
  }
  if (u === 2) {
    if ((w[r - 3].text === 'never' && soOrThis(r - 2)) || soOrThis(r - 1)) valence *= 1.25;
    else if (w[r - 3].negates) valence *= N_SCALAR;
  }
  return valence;
}

/** Words of IDIOMS and BOOSTER_BIGRAMS: a sequence with any other word matches neither. */
const IDIOM_WORDS = new Set([...IDIOMS.keys(), ...BOOSTER_BIGRAMS].flatMap((k) => k.split(' ')));

/** idioms_check, called with r ≥ 3. A sequence is joined only when its words could make an idiom. */
function idiomsCheck(valence: number, w: readonly Token[], r: number): number {
  const seq = (from: number, to: number): string | null => {
    for (let k = from; k <= to; k++) if (!IDIOM_WORDS.has(w[k].text)) return null;
    return w.slice(from, to + 1).map((x) => x.text).join(' ');
  };
  const idiom = (from: number, to: number): number | undefined => {
    const s = seq(from, to);
    return s === null ? undefined : IDIOMS.get(s);
  };
  const bigram = (from: number): boolean => {
    const s = seq(from, from + 1);
    return s !== null && BOOSTER_BIGRAMS.has(s);
  };
  // In the library's order: onezero, twoonezero, twoone, threetwoone, threetwo; the first found wins.
  const before = idiom(r - 1, r) ?? idiom(r - 2, r) ?? idiom(r - 2, r - 1) ?? idiom(r - 3, r - 1) ?? idiom(r - 3, r - 2);
  if (before !== undefined) valence = before;
  if (w.length - 1 > r) valence = idiom(r, r + 1) ?? valence;
  if (w.length - 1 > r + 1) valence = idiom(r, r + 2) ?? valence;
  if (bigram(r - 3) || bigram(r - 2)) valence += B_DECR;
  return valence;
}

function leastCheck(valence: number, w: readonly Token[], r: number): number {
  if (r > 1 && w[r - 1].lower === 'least' && w[r - 1].valence === 0) {
    if (w[r - 2].lower !== 'at' && w[r - 2].lower !== 'very') valence *= N_SCALAR;
  } else if (r > 0 && w[r - 1].lower === 'least' && w[r - 1].valence === 0) {
    valence *= N_SCALAR;
  }
  return valence;
}

/** VADER's normalisation of a raw valence sum to −1 … +1: x / √(x² + 15). */
export function normalize(sum: number): number {
  return sum === 0 ? 0 : Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
}

/**
 * score_valence's compound: the sum of valences, pushed away from 0 by up to four "!" (0.292
 * each) and by "??"/"???" (0.18 each, 0.96 for more), normalised and rounded to 4 decimals.
 */
function compoundOf(sentiments: readonly number[], text: string): number {
  let sum = 0;
  for (const v of sentiments) sum += v;
  if (sum === 0) return 0;
  let exclamations = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) exclamations += 1;
    else if (c === 63) questions += 1;
  }
  const emphasis = Math.min(exclamations, 4) * 0.292 + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
  sum += sum > 0 ? emphasis : -emphasis;
  return parseFloat(normalize(sum).toFixed(4));
}

/** VADER's compound score of `text`, with `extra` valences (emoji) added before normalising. */
export function vaderCompound(text: string, extra: readonly number[] = []): number {
  const raw = vaderWords(text);
  const words = raw.map(tokenOf);
  let upper = 0;
  for (const w of words) if (w.upper) upper += 1;
  const capDifferential = words.length - upper;
  const capDiff = capDifferential > 0 && capDifferential < words.length;
  const sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // "kind of" and boosters score 0 themselves (they modify their neighbours); so does a word outside the lexicon.
    const kindOf = i < words.length - 1 && w.lower === 'kind' && words[i + 1].lower === 'of';
    sentiments.push(kindOf || w.booster !== 0 || w.valence === 0 ? 0 : valenceAt(words, i, capDiff));
  }
  // but_check: before the first "but" (or "BUT") × 0.5, after it × 1.5.
  let but = raw.indexOf('but');
  if (but === -1) but = raw.indexOf('BUT');
  if (but !== -1) {
    for (let i = 0; i < sentiments.length; i++) {
      if (i < but) sentiments[i] = sentiments[i] * 0.5;
      else if (i > but) sentiments[i] = sentiments[i] * 1.5;
    }
  }
  // After but_check: an emoji's position relative to "but" is unknown here, so it is not rescaled.
  for (const v of extra) sentiments.push(v);
  return compoundOf(sentiments, text);
}
