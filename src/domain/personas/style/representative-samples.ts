import { charLength } from './message-length';
import { quantileOfSorted } from './quantile';

export const MAX_SAMPLES = 8;
/** Samples this alike (Jaccard over words and character pairs) say the same thing twice. */
const TOO_SIMILAR = 0.5;
const LINK_ONLY = /^\s*(?:https?:\/\/|www\.)\S+\s*$/i;

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words for alphabetic text, character pairs for Chinese and Japanese (no spaces there). */
function features(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalised(text).match(/[\p{L}\p{N}']+/gu) ?? []) {
    if (/^[\p{Script=Latin}\p{N}']+$/u.test(word)) out.add(word);
    else {
      const chars = [...word];
      if (chars.length === 1) out.add(word);
      for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i] + chars[i + 1]);
    }
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Up to eight messages that show how the person typically writes: typical length (closest to
 * the median first), no links-only lines or duplicates, and no two saying nearly the same
 * thing. Expects text messages only (media placeholders already removed).
 */
export function representativeSamples(texts: readonly string[], max = MAX_SAMPLES): string[] {
  const seen = new Set<string>();
  const candidates: { text: string; length: number; order: number }[] = [];
  texts.forEach((raw, order) => {
    const text = raw.trim();
    const key = normalised(text);
    if (text === '' || LINK_ONLY.test(text) || seen.has(key)) return;
    seen.add(key);
    candidates.push({ text, length: charLength(text), order });
  });
  const median = quantileOfSorted(
    candidates.map((c) => c.length).sort((a, b) => a - b),
    0.5,
  );
  candidates.sort((a, b) => Math.abs(a.length - median) - Math.abs(b.length - median) || a.order - b.order);

  const picked: { text: string; features: Set<string> }[] = [];
  for (const candidate of candidates) {
    if (picked.length >= max) break;
    const own = features(candidate.text);
    if (picked.some((p) => jaccard(p.features, own) >= TOO_SIMILAR)) continue;
    picked.push({ text: candidate.text, features: own });
  }
  return picked.map((p) => p.text);
}
