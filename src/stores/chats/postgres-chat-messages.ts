import type { ChatMessageStore, MessageCounters, SpokenTurnRef, StoredChatMessage, StoredChatPolicy, StoredChatRole, StoredChatStatus, WithdrawnReply } from '../../ports/chat-store.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import type { ChatDb } from './chat-db';
import { MESSAGE_COLUMNS, SPOKEN_SQL, toSpokenTurn, toStoredMessage, type ChatMessageRow } from './chat-message-rows';

/** The chat was deleted between the ownership check and the insert: rolls the transaction back. */
class ChatGone extends Error {}

/** The one unique constraint a resend can meet: (session_id, client_message_id). */
const CLIENT_MESSAGE_ID_UNIQUE = 'chat_messages_session_id_client_message_id_unique';

/** A resend that lost the race to store the same clientMessageId (the other request's message stands). */
function isDuplicateClientMessage(err: unknown): boolean {
  const { code, constraint } = (err ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === CLIENT_MESSAGE_ID_UNIQUE;
}

/** INTERRUPT: the reply being written stops where it is and stays; replies not started yet are dropped. */
const INTERRUPT_PENDING = `update chat_messages set status = (case when status = 'STREAMING' then 'INTERRUPTED' else 'DISCARDED' end)::chat_message_status,
     active = (status = 'STREAMING')
   where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') and id <> ?
   returning id, (case when active then 'INTERRUPTED' else 'DISCARDED_QUEUED' end) as status`;

/** ROLLBACK: every pending reply is withdrawn; the new reply answers all the messages since the last one. */
const ROLL_BACK_PENDING = `with pending as (select id, status from chat_messages where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') and id <> ? for update)
   update chat_messages m set status = 'DISCARDED', active = false from pending where m.id = pending.id
   returning m.id, (case when pending.status = 'QUEUED' then 'DISCARDED_QUEUED' else 'DISCARDED' end) as status`;
/** The reply was retired by another regeneration first. */
class AlreadyRetired extends Error {}

type SpokenRow = { id: string; role: StoredChatRole; created_at: Date | string };

/** Message rows (chat_messages): positions, versions and statuses; the texts are in the transcript store. */
export class PostgresChatMessages implements ChatMessageStore {
  constructor(private readonly db: ChatDb) {}

  async findByClientMessageId(sessionId: string, clientMessageId: string): Promise<StoredChatMessage | undefined> {
    const rows = await sqlRows<ChatMessageRow>(this.db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and client_message_id = ?`, [sessionId, clientMessageId]);
    return rows[0] ? toStoredMessage(rows[0]) : undefined;
  }

  async latestReplyTo(sessionId: string, messageId: string): Promise<string | undefined> {
    const reply = await sqlRows<{ id: string }>(this.db, `select id from chat_messages where session_id = ? and reply_to = ? order by version desc limit 1`, [sessionId, messageId]);
    return reply[0]?.id;
  }

  async pendingReply(sessionId: string): Promise<string | undefined> {
    const busy = await sqlRows<{ id: string }>(this.db, `select id from chat_messages where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') limit 1`, [sessionId]);
    return busy[0]?.id;
  }

  async pendingMessage(sessionId: string): Promise<string | undefined> {
    const pending = await sqlRows<{ id: string }>(this.db, `select id from chat_messages where session_id = ? and status in ('QUEUED', 'STREAMING') limit 1`, [sessionId]);
    return pending[0]?.id;
  }

  async laterMessage(sessionId: string, seq: number): Promise<string | undefined> {
    const later = await sqlRows<{ id: string }>(this.db, `select id from chat_messages where session_id = ? and active and status <> 'DISCARDED' and seq > ? limit 1`, [sessionId, seq]);
    return later[0]?.id;
  }

  /**
   * Two positions (the message, its reply), the message row (unique per clientMessageId) and
   * the queued reply in one statement (one round trip). A resend that lost the race to the
   * same clientMessageId fails that statement on the unique constraint, so its positions are
   * never taken: one statement is its own transaction. Only the policies that withdraw pending
   * replies need a second statement, in the same transaction.
   */
  async storeUserMessage(ids: {
    sessionId: string;
    messageId: string;
    replyId: string;
    clientMessageId: string;
    at: Date;
    policy: StoredChatPolicy;
  }): Promise<{ message: StoredChatMessage; withdrawn: WithdrawnReply[] } | undefined> {
    try {
      if (ids.policy !== 'INTERRUPT' && ids.policy !== 'ROLLBACK') {
        const message = await this.insertUserMessage(this.db, ids);
        return message && { message, withdrawn: [] };
      }
      return await this.db.transaction(async (tx) => {
        const message = await this.insertUserMessage(tx, ids);
        if (!message) throw new ChatGone();
        const withdrawn = await sqlRows<WithdrawnReply>(tx, ids.policy === 'INTERRUPT' ? INTERRUPT_PENDING : ROLL_BACK_PENDING, [ids.sessionId, ids.replyId]);
        return { message, withdrawn };
      });
    } catch (err) {
      if (isDuplicateClientMessage(err) || err instanceof ChatGone) return undefined;
      throw err;
    }
  }

  private async insertUserMessage(
    db: SqlExecutor,
    ids: { sessionId: string; messageId: string; replyId: string; clientMessageId: string; at: Date },
  ): Promise<StoredChatMessage | undefined> {
    const inserted = await sqlRows<ChatMessageRow>(
      db,
      `with positions as (
         update chat_sessions set message_seq = message_seq + 2, message_count = message_count + 1, last_activity_at = ? where id = ? returning message_seq
       ), message as (
         insert into chat_messages (id, session_id, seq, version, role, status, active, client_message_id, token_count, degraded, created_at)
         select ?, ?, message_seq - 1, 1, 'USER', 'SENT', true, ?, 0, false, ? from positions
         returning ${MESSAGE_COLUMNS}
       ), reply as (
         insert into chat_messages (id, session_id, seq, version, role, status, active, reply_to, token_count, degraded, created_at)
         select ?, ?, seq + 1, 1, 'PARTNER', 'QUEUED', true, id, 0, false, ? from message
       )
       select * from message`,
      [ids.at, ids.sessionId, ids.messageId, ids.sessionId, ids.clientMessageId, ids.at, ids.replyId, ids.sessionId, ids.at],
    );
    // No row: the chat was deleted after the caller found it.
    return inserted[0] && toStoredMessage(inserted[0]);
  }

  async queueRegeneration(input: { sessionId: string; messageId: string; seq: number; replyTo: string | null; replyId: string }): Promise<StoredChatMessage | undefined> {
    try {
      return await this.db.transaction(async (tx) => {
        const retired = await sqlRows<{ status: string }>(tx, `update chat_messages set active = false where id = ? and active returning status`, [input.messageId]);
        if (retired.length === 0) throw new AlreadyRetired();
        // The old version no longer counts as a visible message; the new one counts when it finishes.
        if (retired[0]!.status !== 'FAILED') await tx.execute('update chat_sessions set message_count = message_count - 1 where id = ?', [input.sessionId]);
        const inserted = await sqlRows<ChatMessageRow>(
          tx,
          `insert into chat_messages (id, session_id, seq, version, role, status, active, reply_to, token_count, degraded, created_at)
           select ?, ?, ?, max(version) + 1, 'PARTNER', 'QUEUED', true, ?, 0, false, now() from chat_messages where session_id = ? and seq = ?
           returning ${MESSAGE_COLUMNS}`,
          [input.replyId, input.sessionId, input.seq, input.replyTo, input.sessionId, input.seq],
        );
        return toStoredMessage(inserted[0]!);
      });
    } catch (err) {
      if (err instanceof AlreadyRetired) return undefined;
      throw err;
    }
  }

  async page(sessionId: string, window: { afterSeq: number; beforeSeq: number; backward: boolean; limit: number }): Promise<StoredChatMessage[]> {
    const rows = await sqlRows<ChatMessageRow>(
      this.db,
      `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and status <> 'DISCARDED' and seq > ? and seq < ?
        order by seq ${window.backward ? 'desc' : 'asc'} limit ?`,
      [sessionId, window.afterSeq, window.beforeSeq, window.limit],
    );
    return rows.map(toStoredMessage);
  }

  /**
   * `in` lists rather than pairs: a page is one chat, so this fetches nothing extra there;
   * across chats a few rows of other positions may come back (the caller filters them).
   */
  async versionsAt(sessionIds: string[], seqs: number[]): Promise<StoredChatMessage[]> {
    const rows = await sqlRows<ChatMessageRow>(
      this.db,
      `select ${MESSAGE_COLUMNS} from chat_messages c
        where c.session_id in (?) and c.seq in (?) and c.role = 'PARTNER' and c.status <> 'DISCARDED'
          and exists (select 1 from chat_messages o where o.session_id = c.session_id and o.seq = c.seq and o.id <> c.id and o.role = 'PARTNER' and o.status <> 'DISCARDED')
        order by c.session_id, c.seq, c.version`,
      [sessionIds, seqs],
    );
    return rows.map(toStoredMessage);
  }

  async latestSpoken(sessionId: string, limit: number, upToSeq?: number): Promise<StoredChatMessage[]> {
    const rows =
      upToSeq === undefined
        ? await sqlRows<ChatMessageRow>(this.db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and ${SPOKEN_SQL} order by seq desc limit ?`, [sessionId, limit])
        : await sqlRows<ChatMessageRow>(this.db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and ${SPOKEN_SQL} and seq <= ? order by seq desc limit ?`, [
            sessionId,
            upToSeq,
            limit,
          ]);
    return rows.map(toStoredMessage);
  }

  async allSpoken(sessionId: string): Promise<StoredChatMessage[]> {
    const rows = await sqlRows<ChatMessageRow>(this.db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and ${SPOKEN_SQL} order by seq, version`, [sessionId]);
    return rows.map(toStoredMessage);
  }

  async spokenBefore(sessionId: string, beforeSeq: number, limit: number): Promise<SpokenTurnRef[]> {
    const rows = await sqlRows<SpokenRow>(
      this.db,
      `select id, role, created_at from chat_messages where session_id = ? and active and ${SPOKEN_SQL} and seq < ? order by seq desc limit ?`,
      [sessionId, beforeSeq, limit],
    );
    return rows.map(toSpokenTurn);
  }

  async spokenBetween(sessionId: string, afterSeq: number, upToSeq: number): Promise<SpokenTurnRef[]> {
    const rows = await sqlRows<SpokenRow>(
      this.db,
      `select id, role, created_at from chat_messages where session_id = ? and active and ${SPOKEN_SQL} and seq > ? and seq <= ? order by seq`,
      [sessionId, afterSeq, upToSeq],
    );
    return rows.map(toSpokenTurn);
  }

  async status(messageId: string): Promise<StoredChatStatus | undefined> {
    const rows = await sqlRows<{ status: StoredChatStatus }>(this.db, 'select status from chat_messages where id = ?', [messageId]);
    return rows[0]?.status;
  }

  /**
   * Completed and counted in one statement: the session counts the reply only if it was still
   * streaming. The event floor rides along (one round trip fewer after every reply).
   */
  async completeReply(replyId: string, result: { tokens: number; degraded: boolean; eventFloor?: number }): Promise<MessageCounters | undefined> {
    const rows = await sqlRows<{ message_seq: number; memory_seq: number }>(
      this.db,
      `with completed as (
         update chat_messages set status = 'COMPLETE', token_count = ?, degraded = ?, completed_at = now() where id = ? and status = 'STREAMING' returning session_id
       )
       update chat_sessions set message_count = message_count + 1, last_activity_at = date_trunc('milliseconds', now()), event_seq = greatest(event_seq, ?)
        where id = (select session_id from completed)
       returning message_seq, memory_seq`,
      [result.tokens, result.degraded, replyId, result.eventFloor ?? 0],
    );
    return rows[0] ? { messageSeq: Number(rows[0].message_seq), memorySeq: Number(rows[0].memory_seq) } : undefined;
  }

  async markCutOff(replyId: string, tokens: number): Promise<void> {
    await this.db.execute(`update chat_messages set status = 'INTERRUPTED', token_count = ?, completed_at = now() where id = ? and status = 'STREAMING'`, [tokens, replyId]);
  }

  async markFailed(replyId: string): Promise<void> {
    await this.db.execute(`update chat_messages set status = 'FAILED', completed_at = now() where id = ? and status = 'STREAMING'`, [replyId]);
  }

  async recordInterrupted(replyId: string, tokens: number): Promise<void> {
    await this.db.execute('update chat_messages set token_count = ?, completed_at = now() where id = ?', [tokens, replyId]);
  }

  async discard(replyId: string): Promise<void> {
    await this.db.execute(`update chat_messages set status = 'DISCARDED', active = false where id = ? and status in ('STREAMING', 'QUEUED')`, [replyId]);
  }
}

