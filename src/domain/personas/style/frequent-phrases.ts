import { EDGE_STOP_WORDS, STOP_WORDS } from './stop-words';

export interface FrequentPhrase {
  phrase: string;
  /** Number of messages that contain the phrase. */
  count: number;
}

/** A phrase said once is not a habit. */
const MIN_MESSAGES = 2;
const DEFAULT_TOP = 15;

/** Phrases never run across sentence marks, emoji or a switch of script. */
const LATIN_CLAUSE = /[\p{Script=Latin}\p{N}'’]+(?:[ \t]+[\p{Script=Latin}\p{N}'’]+)*/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
/**
 * Particles and aspect markers belong to the word before them, so a character gram starting
 * with one ("了哈哈哈", "的时候") is a cut across two words, not a phrase.
 */
const CHINESE_BAD_START = new Set([...'了的着过吗呢吧啊哦呀嘛啦么']);

function englishGrams(text: string): string[] {
  const grams: string[] = [];
  for (const clause of text.toLowerCase().replace(/’/g, "'").match(LATIN_CLAUSE) ?? []) {
    const words = clause
      .split(/[ \t]+/)
      .map((w) => w.replace(/^'+|'+$/g, ''))
      .filter(Boolean);
    for (let n = 2; n <= 3; n += 1) {
      for (let i = 0; i + n <= words.length; i += 1) {
        const gram = words.slice(i, i + n);
        if (EDGE_STOP_WORDS.has(gram[0]) || EDGE_STOP_WORDS.has(gram[n - 1])) continue;
        if (gram.every((w) => STOP_WORDS.has(w) || /^\d+$/.test(w))) continue;
        grams.push(gram.join(' '));
      }
    }
  }
  return grams;
}

function chineseGrams(text: string): string[] {
  const grams: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let n = 2; n <= 4; n += 1) {
      for (let i = 0; i + n <= chars.length; i += 1) {
        if (!CHINESE_BAD_START.has(chars[i])) grams.push(chars.slice(i, i + n).join(''));
      }
    }
  }
  return grams;
}

/** The shorter phrases inside a phrase, of at least two words or two characters. */
function subPhrases(phrase: string): string[] {
  const isEnglish = phrase.includes(' ');
  const units = isEnglish ? phrase.split(' ') : [...phrase];
  const parts: string[] = [];
  for (let n = 2; n < units.length; n += 1) {
    for (let i = 0; i + n <= units.length; i += 1) parts.push(units.slice(i, i + n).join(isEnglish ? ' ' : ''));
  }
  return parts;
}

/**
 * The person's recurring phrases: English word 2–3-grams and Chinese character 2–4-grams,
 * each counted once per message. A phrase is dropped when a longer one containing it occurs
 * in exactly as many messages, since then it never appears on its own ("晚安宝" inside
 * "晚安宝贝").
 */
export function frequentPhrases(texts: readonly string[], top = DEFAULT_TOP): FrequentPhrase[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const gram of new Set([...englishGrams(text), ...chineseGrams(text)])) {
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  const candidates = new Map([...counts].filter(([, count]) => count >= MIN_MESSAGES));
  const subsumed = new Set<string>();
  for (const [phrase, count] of candidates) {
    for (const part of subPhrases(phrase)) if (candidates.get(part) === count) subsumed.add(part);
  }
  const kept = [...candidates]
    .filter(([phrase]) => !subsumed.has(phrase))
    .map(([phrase, count]) => ({ phrase, count }));
  return kept
    .sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, top);
}
