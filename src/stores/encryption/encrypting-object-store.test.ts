import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import { FilesystemObjectStore } from '../objects/filesystem-object-store';
import { EncryptingObjectStore } from './encrypting-object-store';
import { DecryptionError, decryptText, encryptText } from './field-cipher';

/** An in-memory key ring: enough to show what the decorator does with keys. */
function memoryKeyRing(): DataKeyRing {
  const keys = new Map<string, Buffer>();
  return {
    async keyFor(userId) {
      if (!keys.has(userId)) keys.set(userId, randomBytes(32));
      return keys.get(userId)!;
    },
    async existingKeyFor(userId) {
      return keys.get(userId) ?? null;
    },
    async forget(userId) {
      keys.delete(userId);
    },
    async sealText(userId, text, place) {
      return encryptText(await this.keyFor(userId), text, place);
    },
    async openText(userId, value, place) {
      const key = keys.get(userId);
      return key ? decryptText(key, value, place) : null;
    },
  };
}

describe('EncryptingObjectStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'soullink-sealed-objects-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const inner = new FilesystemObjectStore(root);
  const keys = memoryKeyRing();
  const store = new EncryptingObjectStore(inner, keys);
  const owner = randomUUID();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a private picture')]);

  it('When an object is stored, Then the bytes at rest are not the plaintext, and reading opens them', async () => {
    await store.put(`users/${owner}/media/x`, png, 'image/png');
    const atRest = (await inner.get(`users/${owner}/media/x`))!;
    expect(atRest.includes(Buffer.from('a private picture'))).toBe(false);
    expect(await store.get(`users/${owner}/media/x`)).toEqual(png);
  });

  it('When sealed bytes are copied under another key, Then they do not open', async () => {
    await inner.put(`users/${owner}/media/y`, (await inner.get(`users/${owner}/media/x`))!, 'x');
    await expect(store.get(`users/${owner}/media/y`)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('When the owner is erased (key forgotten), Then a copy left behind is unreadable', async () => {
    await keys.forget(owner);
    await expect(store.get(`users/${owner}/media/x`)).rejects.toBeInstanceOf(DecryptionError);
  });

  it('When a key names no owner, Then it is refused', async () => {
    await expect(store.put('media/x', png, 'image/png')).rejects.toThrow(/users\/<userId>/);
  });
});
