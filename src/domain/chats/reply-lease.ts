import type { SqlExecutor } from '../../stores/postgres/sql-executor';
import { sqlRows } from '../../stores/postgres/sql-executor';

/** How long a lease holds without renewal: a process that dies frees the session after this. */
export const LEASE_MS = 30_000;

/**
 * One process at a time writes a session's replies, so they come out in order and the
 * policies see one writer. The lease is a row lock held by time, not by a connection: a
 * long stream pins no database connection.
 */
export async function acquireReplyLease(db: SqlExecutor, sessionId: string, owner: string): Promise<boolean> {
  const rows = await sqlRows<{ id: string }>(
    db,
    `update chat_sessions set reply_lease_until = now() + make_interval(secs => ?), reply_lease_owner = ?
     where id = ? and (reply_lease_until is null or reply_lease_until < now() or reply_lease_owner = ?) returning id`,
    [LEASE_MS / 1000, owner, sessionId, owner],
  );
  return rows.length > 0;
}

export async function renewReplyLease(db: SqlExecutor, sessionId: string, owner: string): Promise<void> {
  await db.execute('update chat_sessions set reply_lease_until = now() + make_interval(secs => ?) where id = ? and reply_lease_owner = ?', [LEASE_MS / 1000, sessionId, owner]);
}

export async function releaseReplyLease(db: SqlExecutor, sessionId: string, owner: string): Promise<void> {
  await db.execute('update chat_sessions set reply_lease_until = null, reply_lease_owner = null where id = ? and reply_lease_owner = ?', [sessionId, owner]);
}
