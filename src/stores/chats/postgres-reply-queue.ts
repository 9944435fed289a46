import type { ClaimedReply, ReplyQueue } from '../../ports/chat-store.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

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
 * The reply queue in chat_messages (status QUEUED / STREAMING) and the writer lease on
 * chat_sessions (reply_lease_until, reply_lease_owner): a row lock held by time, not by a
 * connection, so a long stream pins no database connection.
 */
export class PostgresReplyQueue implements ReplyQueue {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * One statement (one round trip before the first token). A reply left STREAMING with no
   * lease holder belonged to a process that died: it counts as pending (written again from
   * the start), and any other STREAMING one goes back to QUEUED, as if every stale STREAMING
   * reply had been re-queued before the claim.
   */
  async acquireLeaseAndClaim(sessionId: string, owner: string, leaseMs: number): Promise<{ leased: boolean; reply?: ClaimedReply }> {
    const rows = await sqlRows<ClaimRow>(
      this.db,
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
      [leaseMs / 1000, owner, sessionId, owner],
    );
    const row = rows[0];
    return { leased: Boolean(row?.leased), reply: toClaimed(row) };
  }

  async claimNext(sessionId: string): Promise<ClaimedReply | undefined> {
    const rows = await sqlRows<ClaimRow>(
      this.db,
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

  async renewLease(sessionId: string, owner: string, leaseMs: number): Promise<void> {
    await this.db.execute('update chat_sessions set reply_lease_until = now() + make_interval(secs => ?) where id = ? and reply_lease_owner = ?', [leaseMs / 1000, sessionId, owner]);
  }

  async releaseLease(sessionId: string, owner: string): Promise<void> {
    await this.db.execute('update chat_sessions set reply_lease_until = null, reply_lease_owner = null where id = ? and reply_lease_owner = ?', [sessionId, owner]);
  }

  async requeue(replyId: string): Promise<void> {
    await this.db.execute(`update chat_messages set status = 'QUEUED' where id = ? and status = 'STREAMING'`, [replyId]);
  }

  async hasQueued(sessionId: string): Promise<boolean> {
    const waiting = await sqlRows<{ id: string }>(this.db, `select id from chat_messages where session_id = ? and status = 'QUEUED' limit 1`, [sessionId]);
    return waiting.length > 0;
  }

  async orphanedSessions(): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      this.db,
      `select distinct s.id from chat_messages m join chat_sessions s on s.id = m.session_id
        where m.status in ('QUEUED', 'STREAMING') and (s.reply_lease_until is null or s.reply_lease_until < now()) limit 50`,
      [],
    );
    return rows.map((r) => r.id);
  }
}
