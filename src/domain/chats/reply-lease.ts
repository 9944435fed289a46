import type { SqlExecutor } from '../../stores/postgres/sql-executor';
import { sqlRows } from '../../stores/postgres/sql-executor';

/** How long a lease holds without renewal: a process that dies frees the session after this. */
export const LEASE_MS = 30_000;

/** A reply this process now writes, with what the writer needs to start loading at once. */
export interface ClaimedReply {
  id: string;
  seq: number;
  replyTo: string | null;
  ownerId: string;
  personaId: string;
}

interface ClaimRow {
  leased: boolean;
  id: string | null;
  seq: number | null;
  reply_to: string | null;
  owner_id: string | null;
  persona_id: string | null;
}

const toClaimed = (row: ClaimRow | undefined): ClaimedReply | undefined =>
  row?.id ? { id: row.id, seq: Number(row.seq), replyTo: row.reply_to, ownerId: row.owner_id!, personaId: row.persona_id! } : undefined;

/**
 * One process at a time writes a session's replies, so they come out in order and the
 * policies see one writer. The lease is a row lock held by time, not by a connection: a
 * long stream pins no database connection.
 *
 * In one statement (one round trip before the first token): takes the lease, and if it got
 * it, claims the session's first pending reply. A reply left STREAMING with no lease holder
 * belonged to a process that died: it counts as pending (written again from the start), and
 * any other STREAMING one goes back to QUEUED, as if every stale STREAMING reply had been
 * re-queued before the claim.
 */
export async function acquireLeaseAndClaim(db: SqlExecutor, sessionId: string, owner: string): Promise<{ leased: boolean; reply?: ClaimedReply }> {
  const rows = await sqlRows<ClaimRow>(
    db,
    `with lease as (
       update chat_sessions set reply_lease_until = now() + make_interval(secs => ?), reply_lease_owner = ?
        where id = ? and (reply_lease_until is null or reply_lease_until < now() or reply_lease_owner = ?)
       returning id, owner_id, persona_id
     ), next as (
       select m.id from chat_messages m
        where m.session_id = (select id from lease) and m.status in ('QUEUED', 'STREAMING')
        order by m.seq, m.version limit 1
     ), requeued as (
       update chat_messages set status = 'QUEUED'
        where session_id = (select id from lease) and status = 'STREAMING' and id not in (select id from next)
     ), claimed as (
       update chat_messages set status = 'STREAMING'
        where id = (select id from next) and status in ('QUEUED', 'STREAMING')
       returning id, seq, reply_to
     )
     select exists (select 1 from lease) as leased, c.id, c.seq, c.reply_to, l.owner_id, l.persona_id
       from (select 1) as one left join claimed c on true left join lease l on true`,
    [LEASE_MS / 1000, owner, sessionId, owner],
  );
  const row = rows[0];
  return { leased: Boolean(row?.leased), reply: toClaimed(row) };
}

/** The session's next queued reply, for a process that already holds its lease. */
export async function claimNextReply(db: SqlExecutor, sessionId: string): Promise<ClaimedReply | undefined> {
  const rows = await sqlRows<ClaimRow>(
    db,
    `with claimed as (
       update chat_messages set status = 'STREAMING' where id = (
         select id from chat_messages where session_id = ? and status = 'QUEUED' order by seq, version limit 1
       ) and status = 'QUEUED' returning id, seq, reply_to, session_id
     )
     select true as leased, c.id, c.seq, c.reply_to, s.owner_id, s.persona_id from claimed c join chat_sessions s on s.id = c.session_id`,
    [sessionId],
  );
  return toClaimed(rows[0]);
}

export async function renewReplyLease(db: SqlExecutor, sessionId: string, owner: string): Promise<void> {
  await db.execute('update chat_sessions set reply_lease_until = now() + make_interval(secs => ?) where id = ? and reply_lease_owner = ?', [LEASE_MS / 1000, sessionId, owner]);
}

export async function releaseReplyLease(db: SqlExecutor, sessionId: string, owner: string): Promise<void> {
  await db.execute('update chat_sessions set reply_lease_until = null, reply_lease_owner = null where id = ? and reply_lease_owner = ?', [sessionId, owner]);
}
