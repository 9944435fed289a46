import type { RawAccountWrites } from '../../ports/raw-account-writes.port';

/**
 * Statements that can change what a cached session answers: any update or delete of users, a
 * delete of sessions, an update of a session's revocation, expiry or owner (a refresh only
 * touches last_used_at). Over-matching only costs cache hits.
 */
const ACCOUNT_ROW_WRITE =
  /^\s*(?:update\s+(?:"?\w+"?\.)?"?users"?\s|delete\s+from\s+(?:"?\w+"?\.)?"?(?:users|auth_sessions)"?(?:\s|$)|update\s+(?:"?\w+"?\.)?"?auth_sessions"?\s+set\s[\s\S]*\b(?:revoked_at|expires_at|user_id)\b)/i;

/**
 * Raw account-row writes as MikroORM's `onQuery` hook sees them: the composition root hands
 * `onQuery` to createOrm, once, when the ORM is built, so every statement the app's ORM sends
 * passes here (unchanged) whoever sends it, and no one replaces the hook at run time.
 */
export class OnQueryAccountWrites implements RawAccountWrites {
  private readonly listeners = new Set<() => void>();

  /** MikroORM's `onQuery`: tells the listeners of an account-row write, returns the statement as it is. */
  readonly onQuery = (sql: string): string => {
    if (this.listeners.size > 0 && ACCOUNT_ROW_WRITE.test(sql)) for (const listener of this.listeners) listener();
    return sql;
  };

  onWrite(listener: () => void): () => void {
    // A wrapper of its own: the same function added twice is stopped once each.
    const registered = () => listener();
    this.listeners.add(registered);
    return () => void this.listeners.delete(registered);
  }
}
