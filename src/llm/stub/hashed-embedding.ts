export const DEFAULT_EMBEDDING_DIMENSIONS = 512;

// Scripts written without spaces between words: indexed by character unigrams and bigrams so
// that "我喜欢猫" and "我也喜欢猫" share features the way English texts share words.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\p{Extended_Pictographic}/gu;

/** Lower-cased words, plus unigrams and bigrams of CJK runs. */
export function embeddingFeatures(text: string): string[] {
  const features: string[] = [];
  for (const [token] of text.toLowerCase().matchAll(TOKEN)) {
    if (!UNSPACED_SCRIPT.test(token)) {
      features.push(token);
      continue;
    }
    const chars = Array.from(token);
    chars.forEach((char, i) => {
      features.push(char);
      if (i + 1 < chars.length) features.push(char + chars[i + 1]);
    });
  }
  return features;
}

// FNV-1a over UTF-16 code units; two seeds give independent bucket and sign hashes.
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A deterministic "embedding": the hashed bag of words of `text` (each feature adds ±1 to one
 * bucket, the sign hashed separately so collisions cancel rather than pile up), L2-normalised.
 * Texts sharing words get a higher cosine similarity, which is all memory-recall tests need.
 */
export function hashedEmbedding(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  const vector = bagOfWords(embeddingFeatures(text), dimensions);
  let norm = Math.hypot(...vector);
  if (norm === 0) {
    // No features (or all cancelled out): a fixed unit vector keeps cosine similarity defined.
    vector.splice(0, dimensions, ...bagOfWords(['\u0000empty'], dimensions));
    norm = 1;
  }
  return vector.map((v) => v / norm);
}

function bagOfWords(features: readonly string[], dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const feature of features) {
    const bucket = fnv1a(feature, 0x811c9dc5) % dimensions;
    const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
    vector[bucket] += sign;
  }
  return vector;
}
