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
  /**
   * One text value sealed with the user's data key (created on first use), bound to `place`
   * (its owner and where it is kept, e.g. `["media","analysis",ownerId,fileId]`): moved onto
   * another row, user or field, it does not open. The result is opaque text.
   */
  sealText(userId: string, text: string, place: string): Promise<string>;
  /**
   * The text of a `sealText` value (one stored before encryption at rest is returned as it
   * is), or null when the user has no data key (erased). Throws when the value does not
   * authenticate (tampered, or moved from its place).
   */
  openText(userId: string, value: string, place: string): Promise<string | null>;
}
