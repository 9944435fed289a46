/**
 * Statements this process sends that write `users` or `auth_sessions` rows outside the ORM's
 * unit of work (raw SQL, nativeUpdate, nativeDelete: an operator's fix, erasure's deletes).
 * Only that such a write is on its way is known, not its rows nor when it commits.
 */
export interface RawAccountWrites {
  /** Calls `listener` as each such statement is sent, before it runs; returns what stops the calls. */
  onWrite(listener: () => void): () => void;
}
