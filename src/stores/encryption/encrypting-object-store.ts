import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { ObjectStore } from '../../ports/object-store.port';
import { DecryptionError, open, seal } from './field-cipher';

/** Object keys begin with their owner: `users/<userId>/…`. */
const OWNER_KEY = /^users\/([0-9a-f-]{36})\//i;

/**
 * Encryption at rest for any ObjectStore, like the transcripts: each object is sealed with
 * its owner's data key (AES-256-GCM, AAD = the object key, so bytes copied under another
 * key or user fail to open). The owner is read from the key's `users/<userId>/` prefix; a key
 * without one is refused. After erasure (`DataKeyRing.forget`) any copy left behind in a
 * bucket or a backup is unreadable.
 */
export class EncryptingObjectStore implements ObjectStore {
  constructor(
    private readonly inner: ObjectStore,
    private readonly keys: DataKeyRing,
  ) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const dataKey = await this.keys.keyFor(ownerOf(key));
    // The sealed bytes are opaque: the inner store must not claim they are an image.
    await this.inner.put(key, seal(dataKey, bytes, aadOf(key)), sealedContentType(contentType));
  }

  async get(key: string): Promise<Buffer | null> {
    const owner = ownerOf(key);
    const sealed = await this.inner.get(key);
    if (!sealed) return null;
    const dataKey = await this.keys.existingKeyFor(owner);
    if (!dataKey) throw new DecryptionError(`object ${key} is encrypted and its owner has no data key (erased?)`);
    return open(dataKey, sealed, aadOf(key));
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }

  deletePrefix(prefix: string): Promise<number> {
    return this.inner.deletePrefix(prefix);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function ownerOf(key: string): string {
  const match = OWNER_KEY.exec(key);
  if (!match) throw new TypeError('an encrypted object key starts with users/<userId>/');
  return match[1]!.toLowerCase();
}

function aadOf(key: string): string {
  return JSON.stringify(['object', key]);
}

function sealedContentType(contentType: string): string {
  return `application/vnd.soullink.sealed; original="${contentType.replace(/[^\w./+-]/g, '')}"`;
}
