import type { ValidRecallQuery } from './memory-input';
import type { Memory, RecalledMemory } from '../../ports/memory-store.port';

/**
 * Recall ranking shared by every MemoryStore adapter. An adapter narrows the memories to
 * one (user, persona, view) and to candidates (all of them in PostgreSQL, Weaviate's hybrid
 * top-k in production); this module scores those candidates the same way everywhere:
 *
 *   similarity = alpha * max(0, cosine(query, memory)) + (1 - alpha) * keyword coverage
 *   recency    = 0.5 ^ (age in days / half-life), age measured from validFrom to `now`
 *   importance = (importance - 1) / 9
 *   score      = w.similarity * similarity + w.recency * recency + w.importance * importance
 *
 * with weights normalised to sum 1, so every number lies in [0, 1]. Keyword coverage is the
 * IDF-weighted share of the query's tokens found in the memory (IDF over the candidates).
 */

const DAY_MS = 86_400_000;

/** Short English function words, dropped from keyword matching (the vector half still sees them). */
const STOPWORDS = new Set(
  (
    'a an the is are was were be been being am do does did doing have has had having ' +
    'i me my mine myself you your yours he him his she her hers it its we us our ours they them their theirs ' +
    'what which who whom whose when where why how this that these those there here ' +
    'to of in on at for with and or but not no nor so as by from about into onto up down out over under ' +
    'again then than too very can will just should would could shall may might must ' +
    'if all any some such only own same other also each both more most few don doesn didn ' +
    'let lets tell told say said please'
  ).split(' '),
);

// Scripts written without spaces between words: matched as character bigrams.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Keyword tokens of a text: lowercased words of two or more characters (or any number)
 * minus stopwords, a trailing plural "s" dropped; runs of CJK characters as overlapping
 * character bigrams (a lone character as itself). The same tokens feed Weaviate's BM25
 * (through the `keywords` property) and the embedded keyword score.
 */
export function keywordTokens(text: string): string[] {
  const out: string[] = [];
  const normalised = text.normalize('NFKC').toLowerCase();
  let word = '';
  let cjk = '';
  const flushWord = () => {
    if (word) {
      let w = word;
      if (w.length >= 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
      if ((w.length >= 2 || /\d/.test(w)) && !STOPWORDS.has(word) && !STOPWORDS.has(w)) out.push(w);
      word = '';
    }
  };
  const flushCjk = () => {
    const chars = [...cjk];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    cjk = '';
  };
  for (const ch of normalised) {
    if (CJK_CHAR.test(ch)) {
      flushWord();
      cjk += ch;
    } else if (WORD_CHAR.test(ch)) {
      flushCjk();
      word += ch;
    } else {
      flushWord();
      flushCjk();
    }
  }
  flushWord();
  flushCjk();
  return out;
}

/** Distinct keyword tokens joined by spaces: the `keywords` text Weaviate indexes with whitespace tokenization. */
export function keywordString(text: string): string {
  return [...new Set(keywordTokens(text))].join(' ');
}

/** Cosine similarity; 0 when either vector is zero or their dimensions differ (e.g. after an embedding model change). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

export function recencyWeight(validFrom: Date, now: Date, halfLifeDays: number): number {
  const ageDays = Math.max(0, now.getTime() - validFrom.getTime()) / DAY_MS;
  return Math.pow(0.5, ageDays / halfLifeDays);
}

export function importanceWeight(importance: number): number {
  return Math.min(1, Math.max(0, (importance - 1) / 9));
}

export interface RankOptions {
  /** Weight of the vector half of the fused similarity, in [0, 1]. */
  alpha: number;
}

/** Scores the candidates and returns the best `query.limit`, best first. */
export function rankMemories(candidates: readonly Memory[], query: ValidRecallQuery, options: RankOptions): RecalledMemory[] {
  if (candidates.length === 0) return [];
  const queryTokens = [...new Set(keywordTokens(query.text))];
  const alpha = queryTokens.length === 0 ? 1 : Math.min(1, Math.max(0, options.alpha));

  // IDF over the candidates: a token every memory shares says little.
  const docTokens = candidates.map((m) => new Set(keywordTokens(m.text)));
  const n = candidates.length;
  const idf = new Map<string, number>();
  let idfTotal = 0;
  for (const t of queryTokens) {
    let df = 0;
    for (const doc of docTokens) if (doc.has(t)) df++;
    const w = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idf.set(t, w);
    idfTotal += w;
  }

  const { weights } = query;
  const ranked = candidates.map((memory, i) => {
    let keyword = 0;
    if (idfTotal > 0) {
      const doc = docTokens[i]!;
      let hit = 0;
      for (const t of queryTokens) if (doc.has(t)) hit += idf.get(t)!;
      keyword = hit / idfTotal;
    }
    const vector = Math.max(0, cosine(query.vector, memory.vector));
    const similarity = clamp01(alpha * vector + (1 - alpha) * keyword);
    const score = clamp01(
      weights.similarity * similarity +
        weights.recency * recencyWeight(memory.validFrom, query.now, query.halfLifeDays) +
        weights.importance * importanceWeight(memory.importance),
    );
    return { memory, score, similarity };
  });

  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.similarity - a.similarity ||
      b.memory.validFrom.getTime() - a.memory.validFrom.getTime() ||
      (a.memory.id < b.memory.id ? -1 : a.memory.id > b.memory.id ? 1 : 0),
  );
  return ranked.slice(0, query.limit);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
