import { graphemesOf } from './graphemes';
import { quantileOfSorted } from './quantile';

/**
 * Upper bounds (inclusive, in characters) of the length histogram; null is the open last
 * bucket. Doubling widths because chat lengths are roughly log-normal: a one-word reply and
 * a paragraph both need their own bucket.
 */
export const LENGTH_BUCKET_LIMITS: readonly (number | null)[] = [5, 10, 20, 40, 80, 160, null];

export interface LengthProfile {
  meanChars: number;
  medianChars: number;
  p90Chars: number;
  /** `upTo: null` means no upper bound (JSON has no Infinity). Shares sum to 1 (or all 0). */
  histogram: { upTo: number | null; share: number }[];
}

export function charLength(text: string): number {
  return graphemesOf(text).length;
}

export function lengthProfile(texts: readonly string[]): LengthProfile {
  const lengths = texts.map(charLength).sort((a, b) => a - b);
  const counts = LENGTH_BUCKET_LIMITS.map(() => 0);
  for (const length of lengths) {
    const bucket = LENGTH_BUCKET_LIMITS.findIndex((limit) => limit === null || length <= limit);
    counts[bucket] += 1;
  }
  const total = lengths.length;
  return {
    meanChars: total === 0 ? 0 : lengths.reduce((sum, n) => sum + n, 0) / total,
    medianChars: quantileOfSorted(lengths, 0.5),
    p90Chars: quantileOfSorted(lengths, 0.9),
    histogram: LENGTH_BUCKET_LIMITS.map((upTo, i) => ({ upTo, share: total === 0 ? 0 : counts[i] / total })),
  };
}
