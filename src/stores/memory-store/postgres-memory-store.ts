import { deleteCounted, sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import { randomUUID } from 'node:crypto';
import {
  isMemoryId,
  MEMORY_LIMITS,
  supersedes,
  validateCorrection,
  validateListFilter,
  validateNewMemory,
  validateRecallQuery,
  validateUserId,
  type MemoryListFilter,
} from './memory-input';
import { rankMemories } from './memory-ranking';
import type { Memory, MemoryKind, MemoryStore, MemoryView, NewMemory, RecalledMemory, RecallQuery } from '../../ports/memory-store.port';

/**
 * Runs one SQL statement and resolves to its rows. Shaped like MikroORM's
 * `orm.em.getConnection().execute(sql, params)`: `?` placeholders, one statement, its own
 * (implicit) transaction. Every statement below is correct on its own; none holds a literal
 * question mark, and no parameter is an array (knex would expand it): vectors and id lists
 * travel as JSON text.
 */
export type { SqlExecutor } from '../postgres/sql-executor';

export interface PostgresMemoryStoreOptions {
  /** The clock for createdAt, corrections and the default recall moment. */
  clock?: () => Date;
  /** Weight of the vector half of the fused similarity (the keyword half gets the rest). Default 0.7. */
  alpha?: number;
  /**
   * Recall scores at most this many memories of one (user, persona, view), the newest by
   * validFrom; far above what the memory jobs write per pair. Default 5000.
   */
  maxScan?: number;
  /** Called by close(), e.g. to close a connection pool the store was given to own. */
  onClose?: () => Promise<void>;
}

interface MemoryRow {
  id: string;
  user_id: string;
  persona_id: string;
  view: MemoryView;
  kind: MemoryKind;
  text: string;
  importance: number | string;
  source_message_ids: string[] | string;
  vector: Buffer | number[] | string;
  fact_key: string | null;
  valid_from_ms: number | string;
  valid_to_ms: number | string | null;
  created_at_ms: number | string;
}

// Times leave the database as epoch milliseconds: MikroORM returns timestamptz as text.
// Vectors leave it in real[]'s binary send format (array_send: a bytea of float4 values):
// as text, formatting every float in PostgreSQL and parsing it back in the driver cost
// ~15 ms for the ~80 vectors of one recall; the binary form costs ~2 ms.
const COLUMNS = `id, user_id, persona_id, view, kind, text, importance, source_message_ids, array_send(vector) as vector, fact_key,
  (extract(epoch from valid_from) * 1000)::float8 as valid_from_ms,
  (extract(epoch from valid_to) * 1000)::float8 as valid_to_ms,
  (extract(epoch from created_at) * 1000)::float8 as created_at_ms`;

/** A JSON array of numbers as a real[] (JSON "[..]" becomes the array literal "{..}"). */
const VECTOR_PARAM = `translate(?::text, '[]', '{}')::real[]`;

const SAME_FACT = `m.kind = 'FACT' and m.user_id = i.user_id and m.persona_id = i.persona_id and m.view = i.view and m.fact_key = i.fact_key`;

/**
 * Adds one memory in one statement. A keyed FACT closes the current fact of its key when
 * that one is not newer (valid_to = the new valid_from); when the current one is newer, the
 * new fact is stored as history (its valid_to = the current one's valid_from). The insert
 * joins the closing update's count, so the update runs first and the partial unique index
 * (one current fact per key) sees the old fact closed. Two concurrent adds of one key
 * serialise on the old row's lock; the loser violates that index and add() retries.
 */
const ADD_SQL = `
with input as (
  select ?::uuid as id, ?::text as user_id, ?::text as persona_id, ?::text as view, ?::text as kind,
    ?::text as body, ?::smallint as importance, ?::timestamptz as valid_from,
    array(select jsonb_array_elements_text(?::jsonb)) as source_message_ids,
    ${VECTOR_PARAM} as vector, ?::text as fact_key, ?::timestamptz as created_at, ?::boolean as supersedes
),
closed as (
  update memories m set valid_to = i.valid_from
  from input i
  where i.supersedes and ${SAME_FACT} and m.valid_to is null and m.valid_from <= i.valid_from
  returning m.id
),
newer as (
  select min(m.valid_from) as valid_from from memories m, input i
  where i.supersedes and ${SAME_FACT} and m.valid_to is null and m.valid_from > i.valid_from
),
ins as (
  insert into memories
    (id, user_id, persona_id, view, kind, text, importance, valid_from, valid_to, source_message_ids, vector, fact_key, created_at)
  select i.id, i.user_id, i.persona_id, i.view, i.kind, i.body, i.importance, i.valid_from, newer.valid_from,
    i.source_message_ids, i.vector, i.fact_key, i.created_at
  from input i, newer, (select count(*) from closed) c
  returning ${COLUMNS}
)
select * from ins`;

/**
 * Corrects one memory in one statement: closes the target if it is the user's and still
 * valid (a concurrent correction of the same memory finds it closed and changes nothing),
 * closes any other current fact of the same key, and inserts the corrected copy.
 */
const CORRECT_SQL = `
with input as (
  select ?::uuid as target_id, ?::text as user_id, ?::uuid as new_id, ?::text as body,
    ${VECTOR_PARAM} as vector, ?::timestamptz as now
),
target as (
  update memories m set valid_to = greatest(m.valid_from, i.now)
  from input i
  -- Only a memory nothing has replaced yet: a racing correction with an earlier clock must not
  -- reopen one another correction already closed (validity in the future is not "current").
  where m.id = i.target_id and m.user_id = i.user_id and m.valid_to is null
  returning m.id, m.user_id, m.persona_id, m.view, m.kind, m.importance, m.source_message_ids, m.fact_key
),
closed_key as (
  update memories m set valid_to = greatest(m.valid_from, i.now)
  from target t, input i
  where t.kind = 'FACT' and t.fact_key is not null and m.kind = 'FACT' and m.user_id = t.user_id
    and m.persona_id = t.persona_id and m.view = t.view and m.fact_key = t.fact_key
    and m.valid_to is null and m.id <> t.id
  returning m.id
),
ins as (
  insert into memories
    (id, user_id, persona_id, view, kind, text, importance, valid_from, valid_to, source_message_ids, vector, fact_key, created_at)
  select i.new_id, t.user_id, t.persona_id, t.view, t.kind, i.body, t.importance, i.now, null,
    t.source_message_ids, i.vector, t.fact_key, i.now
  from target t, input i, (select count(*) from closed_key) c
  returning ${COLUMNS}
)
select * from ins`;

const UNIQUE_VIOLATION = '23505';
const WRITE_ATTEMPTS = 8;

/**
 * The embedded default: memories as rows of `memories` in the app's own PostgreSQL
 * (migration Migration20261123110000_memories). Recall reads the rows of one (user,
 * persona, view) in one indexed query, then scores them in process (memory-ranking.ts):
 * cosine over the stored `real[]` vectors plus a keyword score, time decay and importance.
 * About 100 memories per pair, as the memory jobs write them, score in well under a
 * millisecond of CPU; every operation is a single statement, never one query per memory.
 */
export class PostgresMemoryStore implements MemoryStore {
  private readonly clock: () => Date;
  private readonly alpha: number;
  private readonly maxScan: number;

  constructor(
    private readonly db: SqlExecutor,
    private readonly options: PostgresMemoryStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.alpha = options.alpha ?? MEMORY_LIMITS.defaultAlpha;
    this.maxScan = options.maxScan ?? 5000;
  }

  async add(memory: NewMemory): Promise<Memory> {
    const m = validateNewMemory(memory);
    const params = [
      randomUUID(),
      m.userId,
      m.personaId,
      m.view,
      m.kind,
      m.text,
      m.importance,
      m.validFrom.toISOString(),
      JSON.stringify(m.sourceMessageIds),
      JSON.stringify(m.vector),
      m.factKey ?? null,
      this.clock().toISOString(),
      supersedes(m),
    ];
    const [row] = await this.retryOnConflict(() => this.rows<MemoryRow>(ADD_SQL, params));
    if (!row) throw new Error('memories: the insert returned no row');
    return toMemory(row);
  }

  async recall(query: RecallQuery): Promise<RecalledMemory[]> {
    const q = validateRecallQuery(query, this.clock);
    if (q.kinds?.length === 0) return [];
    const where = ['user_id = ?', 'persona_id = ?', 'view = ?'];
    const params: unknown[] = [q.userId, q.personaId, q.view];
    if (!q.includeInvalid) {
      where.push('(valid_to is null or valid_to > ?::timestamptz)');
      params.push(q.now.toISOString());
    }
    if (q.kinds) {
      where.push('kind in (select jsonb_array_elements_text(?::jsonb))');
      params.push(JSON.stringify(q.kinds));
    }
    params.push(this.maxScan);
    const rows = await this.rows<MemoryRow>(
      `select ${COLUMNS} from memories where ${where.join(' and ')} order by valid_from desc, id limit ?`,
      params,
    );
    return rankMemories(rows.map(toMemory), q, { alpha: this.alpha });
  }

  async list(filter: MemoryListFilter): Promise<Memory[]> {
    const f = validateListFilter(filter);
    const where = ['user_id = ?'];
    const params: unknown[] = [f.userId];
    if (f.personaId !== undefined) {
      where.push('persona_id = ?');
      params.push(f.personaId);
    }
    if (f.view !== undefined) {
      where.push('view = ?');
      params.push(f.view);
    }
    if (!f.includeInvalid) {
      where.push('(valid_to is null or valid_to > ?::timestamptz)');
      params.push(this.clock().toISOString());
    }
    params.push(f.limit, f.offset);
    const rows = await this.rows<MemoryRow>(
      `select ${COLUMNS} from memories where ${where.join(' and ')}
       order by valid_from desc, created_at desc, id limit ? offset ?`,
      params,
    );
    return rows.map(toMemory);
  }

  async get(userId: string, id: string): Promise<Memory | null> {
    const user = validateUserId(userId);
    if (!isMemoryId(id)) return null;
    const [row] = await this.rows<MemoryRow>(`select ${COLUMNS} from memories where id = ?::uuid and user_id = ?`, [id, user]);
    return row ? toMemory(row) : null;
  }

  async correct(userId: string, id: string, text: string, vector: number[]): Promise<Memory | null> {
    const user = validateUserId(userId);
    const c = validateCorrection(text, vector);
    if (!isMemoryId(id)) return null;
    const params = [id, user, randomUUID(), c.text, JSON.stringify(c.vector), this.clock().toISOString()];
    const [row] = await this.retryOnConflict(() => this.rows<MemoryRow>(CORRECT_SQL, params));
    return row ? toMemory(row) : null;
  }

  async forget(userId: string, id: string): Promise<boolean> {
    const user = validateUserId(userId);
    if (!isMemoryId(id)) return false;
    return (await this.deleteWhere('id = ?::uuid and user_id = ?', [id, user])) > 0;
  }

  async deleteByUser(userId: string): Promise<number> {
    return this.deleteWhere('user_id = ?', [validateUserId(userId)]);
  }

  /** The executor belongs to whoever made it; only options.onClose releases anything. */
  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  /** A concurrent writer of the same fact key won the one-current-fact index: run again against its result. */
  private async retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        if (attempt >= WRITE_ATTEMPTS || (err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      }
    }
  }

  private deleteWhere(condition: string, params: unknown[]): Promise<number> {
    return deleteCounted(this.db, 'memories', condition, params);
  }

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return sqlRows<T>(this.db, sql, params);
  }
}

function toMemory(row: MemoryRow): Memory {
  return {
    id: row.id,
    userId: row.user_id,
    personaId: row.persona_id,
    view: row.view,
    kind: row.kind,
    text: row.text,
    importance: Number(row.importance),
    validFrom: new Date(Number(row.valid_from_ms)),
    sourceMessageIds: parseTextArray(row.source_message_ids),
    vector: parseRealArray(row.vector),
    ...(row.fact_key !== null ? { factKey: row.fact_key } : {}),
    validTo: row.valid_to_ms === null ? null : new Date(Number(row.valid_to_ms)),
    createdAt: new Date(Number(row.created_at_ms)),
  };
}

/**
 * A stored vector as numbers: the bytea of array_send(real[]) (see COLUMNS), or real[] as a
 * driver parsed it (numbers) or left it (text), should a statement select the column itself.
 */
function parseRealArray(value: Buffer | number[] | string): number[] {
  if (Buffer.isBuffer(value)) return decodeFloat4Array(value);
  if (Array.isArray(value)) return value.map(Number);
  const inner = value.trim().replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map(Number);
}

const FLOAT4_OID = 700;

/**
 * PostgreSQL's binary array format (array_send): ndim, has-nulls flag, element type oid,
 * (size, lower bound) per dimension, then per element its byte length and big-endian value.
 */
function decodeFloat4Array(buf: Buffer): number[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const ndim = view.getInt32(0);
  if (ndim === 0) return [];
  if (ndim !== 1 || view.getInt32(8) !== FLOAT4_OID) throw new Error('memories.vector: expected a one-dimensional real[]');
  const length = view.getInt32(12);
  const out = new Array<number>(length);
  for (let i = 0, offset = 20; i < length; i++, offset += 8) {
    if (view.getInt32(offset) !== 4) throw new Error('memories.vector: unexpected element (null or not a float4)');
    out[i] = view.getFloat32(offset + 4);
  }
  return out;
}

function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  throw new Error('memories.source_message_ids: expected the driver to parse text[]');
}
