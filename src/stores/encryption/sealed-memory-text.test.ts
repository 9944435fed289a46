import { randomBytes } from 'node:crypto';
import { MemoryInputError } from '../memory-store/memory-input';
import { keywordTokens } from '../memory-store/memory-ranking';
import { BLIND_TOKEN_CHARS, blindIndexKey, blindTokens } from './blind-index';
import { DecryptionError } from './field-cipher';
import { SEALED_MEMORY_MARKER, blindQueryText, fromBase32, isSealedMemoryText, openMemoryText, sealMemoryText, toBase32 } from './sealed-memory-text';

const key = randomBytes(32);
const AAD = JSON.stringify(['memory', 'user-1', 'persona-1', 'partner']);
const MAX = 8000;

describe('sealed memory text', () => {
  it.each([
    ["My sister's name is Mei"],
    ['我妹妹叫美美，她下个月来看我们'],
    ['Emoji 😊 and numbers 42, 3.14 — dashes-and_underscores'],
    ['a'],
  ])('When %j is sealed, Then it opens to exactly the same text and holds none of its words', (text) => {
    const stored = sealMemoryText(key, text, AAD, MAX);

    expect(isSealedMemoryText(stored)).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(MAX);
    expect(stored).toMatch(/^encm1[a-z2-7]+( [0-9a-f]{12})*$/);
    for (const word of text.split(/\s+/).filter((w) => w.length >= 3)) expect(stored).not.toContain(word);
    expect(openMemoryText(key, stored, AAD)).toBe(text);
  });

  it('When the store tokenises a sealed text, Then it gets exactly the blind tokens plus one ciphertext token that no blind token can equal', () => {
    const text = "My sister's name is Mei; she visits next month — 我妹妹叫美美";
    const stored = sealMemoryText(key, text, AAD, MAX);

    const tokens = keywordTokens(stored);
    const blind = blindTokens(blindIndexKey(key), text);

    expect(new Set(tokens.slice(1))).toEqual(new Set(blind));
    expect(tokens).toHaveLength(blind.length + 1);
    const [cipherToken] = tokens;
    expect(cipherToken!.startsWith(SEALED_MEMORY_MARKER)).toBe(true);
    expect(cipherToken!.length).toBeGreaterThanOrEqual(50);
    expect(blind.every((t) => t.length === BLIND_TOKEN_CHARS && /^[0-9a-f]+$/.test(t))).toBe(true);
    // keywordTokens keeps blind tokens as they are, so queries and documents meet exactly.
    expect(keywordTokens(blind.join(' '))).toEqual(blind);
  });

  it('When a question shares words with a memory, Then its blinded query tokens are found among the memory’s', () => {
    const stored = sealMemoryText(key, "My sister's name is Mei", AAD, MAX);
    const query = blindQueryText(key, 'What is my sister called?', MAX);

    const storedTokens = new Set(keywordTokens(stored));
    const queryTokens = keywordTokens(query);
    // "sister" matches, "called" does not; "what", "is", "my" are stopwords on both sides.
    expect(queryTokens).toHaveLength(2);
    expect(queryTokens.filter((t) => storedTokens.has(t))).toHaveLength(1);
    expect(query).not.toMatch(/sister|called/);
  });

  it('When two users write the same word, Then their blind tokens differ', () => {
    const other = randomBytes(32);
    expect(blindTokens(blindIndexKey(key), 'sister')).not.toEqual(blindTokens(blindIndexKey(other), 'sister'));
    expect(blindTokens(blindIndexKey(key), 'Sister')).toEqual(blindTokens(blindIndexKey(key), 'sister'));
  });

  it('When a long Chinese memory has more tokens than the text limit holds, Then the first ones are kept and it still opens', () => {
    const text = Array.from({ length: 500 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000))).join('');
    const stored = sealMemoryText(key, text, AAD, MAX);

    expect(stored.length).toBeLessThanOrEqual(MAX);
    expect(openMemoryText(key, stored, AAD)).toBe(text);
    const kept = new Set(keywordTokens(stored).slice(1));
    const all = blindTokens(blindIndexKey(key), text);
    expect(kept.size).toBeGreaterThan(300);
    expect(all.slice(0, kept.size).every((t) => kept.has(t))).toBe(true);
  });

  it('When even the ciphertext is longer than the limit, Then sealing refuses it with MemoryInputError', () => {
    expect(() => sealMemoryText(key, '美'.repeat(2000), AAD, MAX)).toThrow(MemoryInputError);
    expect(() => sealMemoryText(key, 'x'.repeat(4968), AAD, MAX)).not.toThrow();
    expect(() => sealMemoryText(key, 'x'.repeat(4969), AAD, MAX)).toThrow(/at most 4968/);
  });

  it('When a sealed text is opened with another key, another place or no key, Then it fails with DecryptionError', () => {
    const stored = sealMemoryText(key, 'private', AAD, MAX);
    expect(() => openMemoryText(randomBytes(32), stored, AAD)).toThrow(DecryptionError);
    expect(() => openMemoryText(key, stored, JSON.stringify(['memory', 'user-2', 'persona-1', 'partner']))).toThrow(DecryptionError);
    expect(() => openMemoryText(null, stored, AAD)).toThrow(DecryptionError);
    const flipped = stored.replace(/^(encm1)(.)/, (_m, marker: string, c: string) => marker + (c === 'a' ? 'b' : 'a'));
    expect(() => openMemoryText(key, flipped, AAD)).toThrow(DecryptionError);
  });

  it('When a memory was stored before encryption existed, Then it is returned as it is', () => {
    for (const legacy of ['My sister is called Mei', 'encm1 is just a word here', '我妹妹叫美美']) {
      expect(isSealedMemoryText(legacy)).toBe(false);
      expect(openMemoryText(null, legacy, AAD)).toBe(legacy);
      expect(openMemoryText(key, legacy, AAD)).toBe(legacy);
    }
  });

  it('When bytes of any length go through base32, Then they come back unchanged', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = randomBytes(n);
      const text = toBase32(bytes);
      expect(text).toMatch(/^[a-z2-7]*$/);
      expect(text).toHaveLength(Math.ceil((n * 8) / 5));
      expect(fromBase32(text).equals(bytes)).toBe(true);
    }
    expect(toBase32(Buffer.from('foobar'))).toBe('mzxw6ytboi'); // RFC 4648 test vector, lower case
  });
});
