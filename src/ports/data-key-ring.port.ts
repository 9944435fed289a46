/**
 * Per-user data keys for encryption at rest (envelope encryption): each user's transcript
 * and memory texts are encrypted with that user's own 256-bit key, stored only wrapped by
 * the master key (MASTER_KEY). Erasure deletes the wrapped key, so every copy of the
 * user's ciphertext left anywhere (a backup, a replica, a missed row) becomes unreadable.
 */
export interface DataKeyRing {
  /** The user's data key, created (and stored wrapped) on first use. User ids are UUIDs. */
  keyFor(userId: string): Promise<Buffer>;
  /** The user's data key, or null when they have none (nothing of theirs was ever encrypted, or they were erased). */
  existingKeyFor(userId: string): Promise<Buffer | null>;
  /** Erasure: deletes the user's wrapped key (and forgets it in this process). Idempotent. */
  forget(userId: string): Promise<void>;
}
