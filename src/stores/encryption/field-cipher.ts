import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for single values. A sealed value is `iv (12 bytes) | tag (16) | ciphertext`,
 * with a fresh random IV each time; the additional authenticated data (AAD) names the
 * value's owner and place, e.g. `["transcript","text",ownerId,conversationId,dedupeKey]`,
 * so a ciphertext copied onto another user's or another message's row fails to open.
 */
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes a sealed value adds to its plaintext. */
export const SEAL_OVERHEAD_BYTES = IV_BYTES + TAG_BYTES;

/** Text fields written by `encryptText` start with this (the format's version). */
export const ENCRYPTED_PREFIX = 'enc1:';

/** A value did not open: tampered with, wrong key, wrong AAD, or its data key is gone. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  requireKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  requireKey(key);
  if (sealed.length < SEAL_OVERHEAD_BYTES) throw new DecryptionError('sealed value too short');
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, SEAL_OVERHEAD_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(SEAL_OVERHEAD_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError('value does not authenticate (tampered, wrong key or moved from its place)');
  }
}

/** `enc1:` + base64url(iv | tag | ciphertext of the UTF-8 text). */
export function encryptText(key: Buffer, plaintext: string, aad: string): string {
  return ENCRYPTED_PREFIX + seal(key, Buffer.from(plaintext, 'utf8'), aad).toString('base64url');
}

/**
 * The plaintext of an `encryptText` value. A value without the prefix was written before
 * encryption at rest existed and is returned as it is: that is the migration path, old rows
 * stay readable and new writes are encrypted (a legacy plaintext that happens to begin with
 * "enc1:" would fail to open; none is known).
 */
export function decryptText(key: Buffer, value: string, aad: string): string {
  if (!isEncrypted(value)) return value;
  return open(key, Buffer.from(value.slice(ENCRYPTED_PREFIX.length), 'base64url'), aad).toString('utf8');
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(ENCRYPTED_PREFIX);
}

function requireKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new TypeError(`an AES-256 key has ${KEY_BYTES} bytes`);
}
