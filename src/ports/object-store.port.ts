/**
 * Bytes by key (uploaded images and audio): the filesystem under DATA_DIR by default, or an
 * S3-compatible bucket (MinIO, AWS S3, R2…). Keys are slash-separated paths chosen by the
 * domain, always starting with the owner (`users/<userId>/…`), so erasure deletes a prefix.
 * The store knows nothing of owners or encryption: EncryptingObjectStore seals the bytes
 * before they reach an adapter.
 */
export interface ObjectStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Keys under a prefix, in key order. */
  list(prefix: string): Promise<string[]>;
  /** Deletes every object under a prefix; returns how many there were. */
  deletePrefix(prefix: string): Promise<number>;
  close(): Promise<void>;
}

/** Object keys are plain relative paths: no `..`, no leading slash, no empty segment. */
export function assertObjectKey(key: string): void {
  if (!/^[A-Za-z0-9][\w.-]*(\/[\w][\w.-]*)*$/.test(key) || key.split('/').includes('..') || key.length > 512) {
    throw new TypeError(`invalid object key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
