import { deleteCounted, sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import { randomUUID } from 'node:crypto';
import {
  chunkMessages,
  inRequestedOrder,
  isUuid,
  normaliseIds,
  normaliseListOptions,
  planAppend,
  requireKey,
  TranscriptInputError,
  type ValidMessage,
  normaliseDedupeKeys,
  ownerPage,
} from './transcript-input';
import type {
  ConversationKind,
  NewTranscriptMessage,
  TranscriptMessage,
  TranscriptRole,
  TranscriptStore,
} from '../../ports/transcript-store.port';

/**
 * Runs one SQL statement and resolves to its rows. Shaped like MikroORM's
 * `orm.em.getConnection().execute(sql, params)`: `?` placeholders, one statement, its own
 * (implicit) transaction. Every statement below is therefore written to be correct on its
 * own, never relying on two statements sharing a connection or a transaction; none holds
 * a literal question mark, since `?` and `??` are placeholders.
 */
export type { SqlExecutor } from '../postgres/sql-executor';

export interface PostgresTranscriptStoreOptions {
  /** Called by close(), e.g. to close a connection pool the store was given to own. */
  onClose?: () => Promise<void>;
}

interface MessageRow {
  id: string;
  owner_id: string;
  conversation_id: string;
  kind: ConversationKind;
  batch_id: string;
  dedupe_key: string;
  seq: string | number;
  sender: string;
  role: TranscriptRole;
  text: string;
  sent_at_ms: string | number;
  metadata: Record<string, unknown> | null;
  created_at_ms: string | number;
}

// Times leave the database as epoch milliseconds: MikroORM returns timestamptz as text.
const COLUMNS = `id, owner_id, conversation_id, kind, batch_id, dedupe_key, seq, sender, role, text, metadata,
  (extract(epoch from sent_at) * 1000)::float8 as sent_at_ms,
  (extract(epoch from created_at) * 1000)::float8 as created_at_ms`;

/**
 * Appends one chunk of one conversation in a single statement.
 *
 * Seq safety: the `reserved` upsert takes the row lock on the conversation's counter row and
 * adds the number of fresh messages, so concurrent appends to one conversation serialise on
 * that row and receive disjoint, consecutive blocks (READ COMMITTED re-reads the latest
 * committed counter after the wait). A missing counter row is seeded from max(seq).
 *
 * Dedupe safety: `fresh` drops keys already stored (as of this statement's snapshot); a
 * racing append of the same key that commits after that snapshot is still caught by
 * `on conflict (conversation_id, dedupe_key) do nothing` (the unique index waits for the
 * other insert), so no key is ever stored twice. That race alone can leave a gap in seq.
 * An append whose keys are all stored reserves nothing.
 */
const APPEND_SQL = `
with input as (
  select r.ord, r.id, r.owner_id, r.kind, r.batch_id, r.dedupe_key, r.sender, r.role, r.text, r.sent_at, r.metadata
  from jsonb_to_recordset(?::jsonb) as r(
    ord int, id uuid, owner_id uuid, kind text, batch_id text, dedupe_key text,
    sender text, role text, text text, sent_at timestamptz, metadata jsonb)
),
conv as (select ?::text as id),
fresh as materialized (
  select i.*, row_number() over (order by i.ord) as n
  from input i
  where not exists (
    select 1 from transcript_messages m, conv
    where m.conversation_id = conv.id and m.dedupe_key = i.dedupe_key)
),
total as (select count(*) as n from fresh),
reserved as (
  insert into transcript_seq_counters as c (conversation_id, last_seq)
  select conv.id,
    coalesce((select max(m.seq) from transcript_messages m where m.conversation_id = conv.id), 0) + total.n
  from conv, total
  where total.n > 0
  on conflict (conversation_id) do update set last_seq = c.last_seq + (select n from total)
  returning c.last_seq
),
ins as (
  insert into transcript_messages
    (id, owner_id, conversation_id, kind, batch_id, dedupe_key, seq, sender, role, text, sent_at, metadata, created_at)
  select f.id, f.owner_id, conv.id, f.kind, f.batch_id, f.dedupe_key, reserved.last_seq - total.n + f.n,
    f.sender, f.role, f.text, f.sent_at, f.metadata, clock_timestamp()
  from fresh f, conv, total, reserved
  order by f.n
  on conflict (conversation_id, dedupe_key) do nothing
  returning 1
)
select count(*)::int as inserted from ins`;

/**
 * The embedded default: transcripts as rows of `transcript_messages` in the app's own
 * PostgreSQL (migration Migration20261123100000_transcripts). Knows only SQL, no entities.
 */
export class PostgresTranscriptStore implements TranscriptStore {
  constructor(
    private readonly db: SqlExecutor,
    private readonly options: PostgresTranscriptStoreOptions = {},
  ) {}

  async append(messages: NewTranscriptMessage[]): Promise<{ inserted: number; duplicates: number }> {
    const { groups, repeatedInCall } = planAppend(messages);
    let inserted = 0;
    let offered = 0;
    // Conversations one after another and chunks in order, so seq follows input order.
    // Each chunk commits by itself: after a failure, re-appending the same messages is
    // safe (stored keys count as duplicates), and deleteBatch removes a partial batch.
    for (const group of groups) {
      for (const chunk of chunkMessages(group.messages)) {
        offered += chunk.length;
        inserted += await this.appendChunk(group.conversationId, chunk);
      }
    }
    return { inserted, duplicates: offered - inserted + repeatedInCall };
  }

  private async appendChunk(conversationId: string, chunk: ValidMessage[]): Promise<number> {
    const rows = chunk.map((m, ord) => ({
      ord,
      id: m.id ?? randomUUID(),
      owner_id: m.ownerId,
      kind: m.kind,
      batch_id: m.batchId,
      dedupe_key: m.dedupeKey,
      sender: m.sender,
      role: m.role,
      text: m.text,
      sent_at: m.sentAt.toISOString(),
      metadata: m.metadata ?? null,
    }));
    const result = await this.rows<{ inserted: number }>(APPEND_SQL, [JSON.stringify(rows), conversationId]);
    return Number(result[0]?.inserted ?? 0);
  }

  async list(
    conversationId: string,
    options?: { afterSeq?: number; beforeSeq?: number; limit?: number; order?: 'asc' | 'desc' },
  ): Promise<TranscriptMessage[]> {
    requireKey('conversationId', conversationId);
    const query = normaliseListOptions(options);
    const where = ['conversation_id = ?'];
    const params: unknown[] = [conversationId];
    if (query.afterSeq !== undefined) {
      where.push('seq > ?');
      params.push(query.afterSeq);
    }
    if (query.beforeSeq !== undefined) {
      where.push('seq < ?');
      params.push(query.beforeSeq);
    }
    params.push(query.limit);
    const rows = await this.rows<MessageRow>(
      `select ${COLUMNS} from transcript_messages where ${where.join(' and ')} order by seq ${query.order === 'desc' ? 'desc' : 'asc'} limit ?`,
      params,
    );
    return rows.map(toMessage);
  }

  async getByIds(ownerId: string, ids: string[]): Promise<TranscriptMessage[]> {
    const owner = requireOwner(ownerId);
    const wanted = normaliseIds(ids);
    if (wanted.length === 0) return [];
    const rows = await this.rows<MessageRow>(
      `select ${COLUMNS} from transcript_messages
       where owner_id = ?::uuid and id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [owner, JSON.stringify(wanted)],
    );
    return inRequestedOrder(wanted, rows.map(toMessage));
  }

  /** Served by the unique (conversation_id, dedupe_key) constraint's index. */
  async findByDedupeKey(conversationId: string, dedupeKey: string): Promise<TranscriptMessage | null> {
    requireKey('conversationId', conversationId);
    requireKey('dedupeKey', dedupeKey);
    const rows = await this.rows<MessageRow>(
      `select ${COLUMNS} from transcript_messages where conversation_id = ? and dedupe_key = ?`,
      [conversationId, dedupeKey],
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  /** The keys travel as one JSON array parameter, like getByIds' ids, so any count is one `?`. */
  async findByDedupeKeys(conversationId: string, dedupeKeys: string[]): Promise<TranscriptMessage[]> {
    requireKey('conversationId', conversationId);
    const wanted = normaliseDedupeKeys(dedupeKeys);
    if (wanted.length === 0) return [];
    const rows = await this.rows<MessageRow>(
      `select ${COLUMNS} from transcript_messages
       where conversation_id = ? and dedupe_key in (select jsonb_array_elements_text(?::jsonb))
       order by seq`,
      [conversationId, JSON.stringify(wanted)],
    );
    return rows.map(toMessage);
  }

  async listByOwner(ownerId: string, options: { afterId?: string; limit?: number } = {}): Promise<TranscriptMessage[]> {
    const owner = requireOwner(ownerId);
    const { afterId, limit } = ownerPage(options);
    const rows = await this.rows<MessageRow>(
      `select ${COLUMNS} from transcript_messages where owner_id = ?::uuid and id > ?::uuid order by id limit ?`,
      [owner, afterId, limit],
    );
    return rows.map(toMessage);
  }

  async count(conversationId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    const rows = await this.rows<{ n: number }>('select count(*)::int as n from transcript_messages where conversation_id = ?', [
      conversationId,
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  async deleteBatch(conversationId: string, batchId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    requireKey('batchId', batchId);
    return this.deleteWhere('conversation_id = ? and batch_id = ?', [conversationId, batchId]);
  }

  /**
   * The conversation's seq counter stays: seq never goes back for a conversation id, so a
   * reader holding an old afterSeq cannot mistake new messages for ones it has seen. The
   * counter row holds only the conversation id and a number.
   */
  async deleteConversation(conversationId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    return this.deleteWhere('conversation_id = ?', [conversationId]);
  }

  async deleteByOwner(ownerId: string): Promise<number> {
    return this.deleteWhere('owner_id = ?::uuid', [requireOwner(ownerId)]);
  }

  /** The executor belongs to whoever made it; only options.onClose releases anything. */
  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  private deleteWhere(condition: string, params: unknown[]): Promise<number> {
    return deleteCounted(this.db, 'transcript_messages', condition, params);
  }

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return sqlRows<T>(this.db, sql, params);
  }
}

function requireOwner(ownerId: string): string {
  if (!isUuid(ownerId)) throw new TranscriptInputError('ownerId: must be a UUID');
  return ownerId.toLowerCase();
}

function toMessage(row: MessageRow): TranscriptMessage {
  return {
    id: row.id,
    ownerId: row.owner_id,
    conversationId: row.conversation_id,
    kind: row.kind,
    batchId: row.batch_id,
    dedupeKey: row.dedupe_key,
    seq: Number(row.seq),
    sender: row.sender,
    role: row.role,
    text: row.text,
    sentAt: new Date(Number(row.sent_at_ms)),
    ...(row.metadata !== null && row.metadata !== undefined ? { metadata: row.metadata } : {}),
    createdAt: new Date(Number(row.created_at_ms)),
  };
}
