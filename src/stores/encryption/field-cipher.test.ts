import { randomBytes } from 'node:crypto';
import { DecryptionError, ENCRYPTED_PREFIX, decryptText, encryptText, isEncrypted, open, seal } from './field-cipher';

const key = randomBytes(32);
const AAD = JSON.stringify(['transcript', 'text', 'owner-1', 'conv-1', 'k-1']);

/** Flips one bit of the sealed bytes at `index` (negative: from the end) and re-encodes. */
function tamper(value: string, index: number): string {
  const bytes = Buffer.from(value.slice(ENCRYPTED_PREFIX.length), 'base64url');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return ENCRYPTED_PREFIX + bytes.toString('base64url');
}

describe('field cipher', () => {
  it.each([
    ['English', 'My sister is called Mei'],
    ['Chinese and emoji', '你好，世界！😊👩‍❤️‍👨 𠮷野家'],
    ['awkward characters', "quotes ' \" ` \\ \n\r\t e\u0301 \u202Eabc\u202C \uFEFF ? $1"],
    ['an empty text', ''],
    ['a long text', 'x'.repeat(100_000)],
  ])('When %s is encrypted, Then it decrypts to exactly the same text and shows none of it', (_label, text) => {
    const value = encryptText(key, text, AAD);

    expect(value.startsWith(ENCRYPTED_PREFIX)).toBe(true);
    expect(isEncrypted(value)).toBe(true);
    expect(/^enc1:[A-Za-z0-9_-]+$/.test(value)).toBe(true);
    if (text.length >= 4) expect(value).not.toContain(text.slice(0, 4));
    expect(decryptText(key, value, AAD)).toBe(text);
  });

  it('When the same text is encrypted twice, Then the values differ (fresh IV) and both decrypt', () => {
    const a = encryptText(key, 'same words', AAD);
    const b = encryptText(key, 'same words', AAD);
    expect(a).not.toBe(b);
    expect(decryptText(key, a, AAD)).toBe('same words');
    expect(decryptText(key, b, AAD)).toBe('same words');
  });

  it.each([
    ['the IV', 0],
    ['the tag', 12],
    ['the ciphertext', -1],
  ])('When a bit of %s is flipped, Then decryption fails with DecryptionError', (_label, index) => {
    const value = encryptText(key, 'We had our first kiss at the night market', AAD);
    expect(() => decryptText(key, tamper(value, index), AAD)).toThrow(DecryptionError);
  });

  it('When the value is cut short, Then decryption fails with DecryptionError', () => {
    const value = encryptText(key, 'short', AAD);
    expect(() => decryptText(key, value.slice(0, 20), AAD)).toThrow(DecryptionError);
    expect(() => decryptText(key, ENCRYPTED_PREFIX, AAD)).toThrow(DecryptionError);
  });

  it('When a ciphertext is read in another place (other owner, conversation or field), Then it does not decrypt', () => {
    const value = encryptText(key, 'private', AAD);
    for (const aad of [
      JSON.stringify(['transcript', 'text', 'owner-2', 'conv-1', 'k-1']),
      JSON.stringify(['transcript', 'text', 'owner-1', 'conv-2', 'k-1']),
      JSON.stringify(['transcript', 'sender', 'owner-1', 'conv-1', 'k-1']),
      '',
    ]) {
      expect(() => decryptText(key, value, aad)).toThrow(DecryptionError);
    }
  });

  it('When decrypted with another key, Then it fails with DecryptionError', () => {
    const value = encryptText(key, 'private', AAD);
    expect(() => decryptText(randomBytes(32), value, AAD)).toThrow(DecryptionError);
  });

  it('When a value was stored before encryption existed (no prefix), Then it is returned as it is', () => {
    for (const legacy of ['hello', '', 'enc1 without the colon', '你好']) {
      expect(isEncrypted(legacy)).toBe(false);
      expect(decryptText(key, legacy, AAD)).toBe(legacy);
    }
  });

  it('When the key is not 32 bytes, Then encryption and decryption refuse it', () => {
    expect(() => encryptText(randomBytes(16), 'x', AAD)).toThrow(TypeError);
    expect(() => open(randomBytes(31), seal(key, Buffer.from('x'), AAD), AAD)).toThrow(TypeError);
  });
});
