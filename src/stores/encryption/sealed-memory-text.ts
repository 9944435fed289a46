import { MemoryInputError } from '../memory-store/memory-input';
import { BLIND_TOKEN_CHARS, blindIndexKey, blindTokens } from './blind-index';
import { DecryptionError, SEAL_OVERHEAD_BYTES, open, seal } from './field-cipher';

/**
 * How an encrypted memory text is handed to a MemoryStore adapter, which tokenises `text`
 * with keywordTokens for its keyword half (PostgreSQL in process, Weaviate's `keywords`):
 *
 *   encm1<base32 of iv|tag|ciphertext> <blind token> <blind token> …
 *
 * The sealed text is one word of [a-z2-7] behind the `encm1` marker — base32, because the
 * tokenizer splits words at "-" and "_" (base64url) and at "+" and "/" (base64) — so it
 * tokenises to one token of at least 49 characters, which can never equal a 12-character
 * blind token, and no query (only blind tokens) ever asks for it. The blind tokens are
 * sorted, so their order says nothing of the word order. When the text limit of the store
 * cannot hold every token, the first-appearing tokens are kept: keyword recall of a very
 * long memory covers its beginning, the vector half covers all of it.
 */
export const SEALED_MEMORY_MARKER = 'encm1';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE32_WORD = /^[a-z2-7]+$/;

/** The stored form of `plaintext`, at most `maxChars` long; MemoryInputError when even the sealed text alone is longer. */
export function sealMemoryText(dataKey: Buffer, plaintext: string, aad: string, maxChars: number): string {
  const body = Buffer.from(plaintext, 'utf8');
  const sealed = SEALED_MEMORY_MARKER + toBase32(seal(dataKey, body, aad));
  if (sealed.length > maxChars) {
    const maxBytes = Math.floor(((maxChars - SEALED_MEMORY_MARKER.length) * 5) / 8) - SEAL_OVERHEAD_BYTES;
    throw new MemoryInputError(`text: ${body.length} bytes of UTF-8 are too long to store encrypted (at most ${maxBytes})`);
  }
  const room = Math.floor((maxChars - sealed.length) / (BLIND_TOKEN_CHARS + 1));
  const tokens = blindTokens(blindIndexKey(dataKey), plaintext).slice(0, room).sort();
  return [sealed, ...tokens].join(' ');
}

/**
 * The plaintext of a stored memory text. A text without the marker was stored before
 * encryption at rest existed and is returned as it is (the migration path: old memories stay
 * readable, and their keyword half matches plaintext only until rewritten). `dataKey` null:
 * the user has no key, so a sealed text cannot be opened (DecryptionError).
 */
export function openMemoryText(dataKey: Buffer | null, stored: string, aad: string): string {
  const word = stored.split(' ', 1)[0]!;
  if (!isSealedWord(word)) return stored;
  if (!dataKey) throw new DecryptionError('the memory is encrypted and its owner has no data key (erased?)');
  return open(dataKey, fromBase32(word.slice(SEALED_MEMORY_MARKER.length)), aad).toString('utf8');
}

/** A recall query's text as the store must see it: its blinded tokens, within `maxChars`. */
export function blindQueryText(dataKey: Buffer, text: string, maxChars: number): string {
  const room = Math.floor((maxChars + 1) / (BLIND_TOKEN_CHARS + 1));
  return blindTokens(blindIndexKey(dataKey), text).slice(0, room).join(' ');
}

export function isSealedMemoryText(stored: string): boolean {
  return isSealedWord(stored.split(' ', 1)[0]!);
}

function isSealedWord(word: string): boolean {
  return word.length > SEALED_MEMORY_MARKER.length && word.startsWith(SEALED_MEMORY_MARKER) && BASE32_WORD.test(word.slice(SEALED_MEMORY_MARKER.length));
}

/** RFC 4648 base32, lower case, no padding. */
export function toBase32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function fromBase32(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const digit = BASE32.indexOf(ch);
    if (digit < 0) throw new DecryptionError('not base32');
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
