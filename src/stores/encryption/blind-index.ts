import { createHmac, hkdfSync } from 'node:crypto';
import { keywordTokens } from '../memory-store/memory-ranking';

/**
 * A blind index for keyword search over encrypted memory texts: each keyword token (the
 * tokens memory-ranking.ts matches on) becomes HMAC-SHA256(blind key, token), cut to 12 hex
 * characters (48 bits: no two of one user's tokens meet by chance, and short enough that a
 * 500-character Chinese memory keeps most of its bigrams within the store's text limit). The blind key is
 * derived from the user's data key, so equal words of two users never look alike, and it
 * goes when the data key goes. A store sees which of one user's memories share a word, and
 * how many words each holds, never the words.
 */
export const BLIND_TOKEN_CHARS = 12;

export function blindIndexKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'memory-blind-index', 32));
}

/**
 * The distinct blinded keyword tokens of `text`, in order of first appearance. Each is 12
 * lower-case hex digits, which keywordTokens keeps exactly as they are (one word of letters
 * and digits, no plural "s", no stopword): the inner store tokenises them back into themselves.
 */
export function blindTokens(blindKey: Buffer, text: string): string[] {
  const out = new Set<string>();
  for (const token of new Set(keywordTokens(text))) {
    out.add(createHmac('sha256', blindKey).update(token, 'utf8').digest('hex').slice(0, BLIND_TOKEN_CHARS));
  }
  return [...out];
}
