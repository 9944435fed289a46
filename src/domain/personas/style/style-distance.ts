import type { StyleFingerprint } from './style-fingerprint';

/**
 * How much each feature counts. Length, punctuation and language are what a reader notices
 * first in someone's texting; reply time and phrases are weaker (few samples, or absent in
 * simulated replies).
 */
const WEIGHTS = {
  lengthShape: 0.14,
  lengthMedian: 0.1,
  emojiRate: 0.1,
  emojiChoice: 0.06,
  punctuation: 0.18,
  questions: 0.06,
  languages: 0.14,
  replyTime: 0.06,
  phrases: 0.06,
  laughterRate: 0.06,
  laughterForms: 0.04,
} as const;

/** The features styleDistance compares. */
export type StyleFeature = keyof typeof WEIGHTS;
type Component = StyleFeature;

/** Rates below this floor differ by noise: 1% vs 3% exclamation marks is the same habit. */
const RATE_FLOOR = 0.1;
const EMOJI_RATE_FLOOR = 0.2;
/** Median lengths 8× apart (or reply times 60× apart) count as completely different. */
const LENGTH_RATIO_FOR_MAX = Math.log(8);
const REPLY_RATIO_FOR_MAX = Math.log(60);

/** Difference relative to the larger value, in 0..1; symmetric. */
function relativeDiff(a: number, b: number, floor: number): number {
  return Math.abs(a - b) / Math.max(a, b, floor);
}

function logRatioDiff(a: number, b: number, ratioForMax: number): number {
  return Math.min(1, Math.abs(Math.log1p(a) - Math.log1p(b)) / ratioForMax);
}

/**
 * Total variation distance (0 = same distribution, 1 = disjoint) between two weightings of
 * keys. Keys are summed in sorted order so that d(a, b) and d(b, a) add up identically.
 */
function distributionDistance(a: Map<string, number>, b: Map<string, number>): number {
  const totalA = [...a.values()].reduce((s, v) => s + v, 0);
  const totalB = [...b.values()].reduce((s, v) => s + v, 0);
  if (totalA === 0 && totalB === 0) return 0;
  if (totalA === 0 || totalB === 0) return 1;
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  let sum = 0;
  for (const key of keys) sum += Math.abs((a.get(key) ?? 0) / totalA - (b.get(key) ?? 0) / totalB);
  return sum / 2;
}

function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  const shared = [...setA].filter((x) => setB.has(x)).length;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 0 : 1 - shared / union;
}

/** Chosen items (which emoji, which phrases) only compare when both sides use some. */
function bothUse<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length > 0 && b.length > 0;
}

function components(a: StyleFingerprint, b: StyleFingerprint): Record<Component, number | null> {
  const histogram = (f: StyleFingerprint) => new Map(f.length.histogram.map((h) => [String(h.upTo), h.share]));
  const pa = a.punctuation;
  const pb = b.punctuation;
  return {
    lengthShape: distributionDistance(histogram(a), histogram(b)),
    lengthMedian: logRatioDiff(a.length.medianChars, b.length.medianChars, LENGTH_RATIO_FOR_MAX),
    emojiRate: relativeDiff(a.emoji.perMessage, b.emoji.perMessage, EMOJI_RATE_FLOOR),
    emojiChoice: bothUse(a.emoji.top, b.emoji.top)
      ? distributionDistance(
          new Map(a.emoji.top.map((e) => [e.emoji, e.count])),
          new Map(b.emoji.top.map((e) => [e.emoji, e.count])),
        )
      : null,
    punctuation:
      (relativeDiff(pa.exclamationRate, pb.exclamationRate, RATE_FLOOR) +
        relativeDiff(pa.questionRate, pb.questionRate, RATE_FLOOR) +
        relativeDiff(pa.ellipsisRate, pb.ellipsisRate, RATE_FLOOR) +
        relativeDiff(pa.tildeRate, pb.tildeRate, RATE_FLOOR) +
        relativeDiff(pa.noFinalPunctuationRate, pb.noFinalPunctuationRate, RATE_FLOOR)) /
      5,
    questions: relativeDiff(a.questionRate, b.questionRate, RATE_FLOOR),
    languages: distributionDistance(
      new Map(a.languages.map((l) => [l.lang, l.share])),
      new Map(b.languages.map((l) => [l.lang, l.share])),
    ),
    // Simulated replies have no timestamps: then reply time is no evidence either way.
    replyTime:
      a.replyTime && b.replyTime
        ? logRatioDiff(a.replyTime.medianSeconds, b.replyTime.medianSeconds, REPLY_RATIO_FOR_MAX)
        : null,
    phrases: bothUse(a.frequentPhrases, b.frequentPhrases)
      ? distributionDistance(
          new Map(a.frequentPhrases.map((p) => [p.phrase, p.count])),
          new Map(b.frequentPhrases.map((p) => [p.phrase, p.count])),
        )
      : null,
    laughterRate: relativeDiff(a.laughter.rate, b.laughter.rate, RATE_FLOOR),
    laughterForms: bothUse(a.laughter.forms, b.laughter.forms) ? jaccardDistance(a.laughter.forms, b.laughter.forms) : null,
  };
}

/**
 * 0 = same style, 1 = nothing alike; symmetric. A weighted mean of per-feature differences,
 * each normalised to 0..1; features that cannot be compared (no reply times, no emoji on one
 * side) drop out and the remaining weights are rescaled.
 */
export function styleDistance(a: StyleFingerprint, b: StyleFingerprint): number {
  const parts = components(a, b);
  let weighted = 0;
  let weights = 0;
  for (const name of Object.keys(WEIGHTS) as Component[]) {
    const value = parts[name];
    if (value === null) continue;
    weighted += WEIGHTS[name] * value;
    weights += WEIGHTS[name];
  }
  return weights === 0 ? 0 : weighted / weights;
}

/** The per-feature differences behind styleDistance, for explaining a fidelity score. */
export function styleDistanceBreakdown(a: StyleFingerprint, b: StyleFingerprint): Record<StyleFeature, number | null> {
  return components(a, b);
}
