/**
 * Seeded randomness for the study code. Every resample, fold split and synthetic dataset must be
 * reproducible from one integer seed, so nothing here touches Math.random.
 */

// Math is read through module constants because hot loops run under jest's vm sandbox too,
// where every global lookup costs ~100× a local one.
const { PI, cos, floor, imul, log, sqrt } = Math;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast, and good enough for resampling and
 * simulation — not for cryptography. Returns uniform floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one named purpose derived from a parent seed, so that (say) the fold split and the
 * bootstrap draw independent streams and adding a bootstrap does not change the folds.
 */
export function deriveSeed(seed: number, purpose: string): number {
  // FNV-1a over the purpose, mixed with the seed through a murmur3-style finaliser.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < purpose.length; i++) h = imul(h ^ purpose.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Standard normal deviates by Box–Muller (one of each pair is dropped: simplicity over speed). */
export function normal(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return sqrt(-2 * log(u)) * cos(2 * PI * random());
}

/** Standard logistic deviate: the latent-noise law behind a logit model. */
export function logistic(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return log(u / (1 - u));
}

/** Uniform integer in [0, n). */
export function randomInt(random: () => number, n: number): number {
  return floor(random() * n);
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
