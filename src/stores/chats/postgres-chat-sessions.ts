import type { ChatSessionStore, ForkedMessage, MessageCounters, NewForkedChat } from '../../ports/chat-store.port';
import { sqlRows } from '../postgres/sql-executor';
import type { ChatDb } from './chat-db';

/** Session rows (chat_sessions): counters, title, event floor, long-term-memory watermark. */
export class PostgresChatSessions implements ChatSessionStore {
  constructor(private readonly db: ChatDb) {}

  async countReply(sessionId: string): Promise<void> {
    await this.db.execute("update chat_sessions set message_count = message_count + 1, last_activity_at = date_trunc('milliseconds', now()) where id = ?", [sessionId]);
  }

  async raiseEventFloor(sessionId: string, seq: number): Promise<void> {
    await this.db.execute('update chat_sessions set event_seq = greatest(event_seq, ?) where id = ?', [seq, sessionId]);
  }

  async setAutoTitle(sessionId: string, title: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string }>(this.db, 'update chat_sessions set title = ? where id = ? and title is null and not title_by_user returning id', [title, sessionId]);
    return rows.length > 0;
  }

  async counters(sessionId: string): Promise<MessageCounters | undefined> {
    const rows = await sqlRows<{ message_seq: number; memory_seq: number }>(this.db, 'select message_seq, memory_seq from chat_sessions where id = ?', [sessionId]);
    return rows[0] ? { messageSeq: Number(rows[0].message_seq), memorySeq: Number(rows[0].memory_seq) } : undefined;
  }

  async advanceMemoryWatermark(sessionId: string, from: number, upTo: number): Promise<void> {
    await this.db.execute('update chat_sessions set memory_seq = ? where id = ? and memory_seq = ?', [upTo, sessionId, from]);
  }

  async dueForMemory(idleMs: number | null, limit: number): Promise<{ id: string; messageSeq: number }[]> {
    const rows = await sqlRows<{ id: string; message_seq: number }>(
      this.db,
      `select id, message_seq from chat_sessions where memory_seq < message_seq and (?::int is null or last_activity_at < now() - make_interval(secs => ?::int / 1000.0))
       order by last_activity_at limit ?`,
      [idleMs, idleMs, limit],
    );
    return rows.map((r) => ({ id: r.id, messageSeq: r.message_seq }));
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.execute('delete from chat_sessions where id = ?', [sessionId]);
  }

  async createFork(fork: NewForkedChat, copies: ForkedMessage[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(
        `insert into chat_sessions (id, owner_id, persona_id, scenario_id, title, title_by_user, policy, parent_id, forked_from_message_id,
           message_seq, message_count, memory_seq, event_seq, created_at, updated_at, last_activity_at)
         values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
        [fork.id, fork.ownerId, fork.personaId, fork.scenarioId, fork.title, fork.policy, fork.parentId, fork.forkedFromMessageId, fork.messageSeq, fork.messageCount, fork.memorySeq, fork.at, fork.at, fork.at],
      );
      for (const c of copies) {
        await tx.execute(
          `insert into chat_messages (id, session_id, seq, version, role, status, active, reply_to, client_message_id, token_count, degraded, created_at, completed_at)
           values (?, ?, ?, 1, ?, ?, true, ?, null, ?, ?, ?, ?)`,
          [c.id, fork.id, c.seq, c.role, c.status, c.replyTo, c.tokenCount, c.degraded, c.createdAt, c.completedAt],
        );
      }
    });
  }
}
