import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrations } from '../migrations';
import { entities } from '../src/entities';
import { createLogger } from '../src/observability/logger';
import type { MemoryStore, RecallQuery } from '../src/ports/memory-store.port';
import { PostgresMemoryStore } from '../src/stores/memory-store/postgres-memory-store';
import { WeaviateMemoryStore, connectWeaviate } from '../src/stores/memory-store/weaviate-memory-store';
import { createOrm } from '../src/stores/postgres/create-orm';
import type { BenchResult, BenchScenario, TargetCheck } from './bench-result';
import { startBenchServices, type BenchServices } from './support/bench-app';
import { denseEmbedding, memoryAt, queryText, seededRandom, type CorpusMemory } from './support/memory-corpus';
import { closedLoop, round, summarise } from './support/timing';

const USERS = 10;
const PERSONAS_PER_USER = 100;
const MEMORIES_PER_PERSONA = 100;
const BATCH_ROWS = 2000;
const WARM_UP_QUERIES = 200;
const QUERIES = 1000;
const TARGET_P99_MS = 20;
const DAY_MS = 86_400_000;
const NAMES = ['Mei', 'Lan', 'Jun', 'Sam', 'Kai', 'Rin', 'Noor', 'Leo', 'Ana', 'Yuki'];

interface Persona {
  userId: string;
  personaId: string;
  name: string;
}

interface Row extends CorpusMemory {
  id: string;
  persona: Persona;
  validFrom: Date;
  validTo: Date | null;
  vector: number[];
}

/** The corpus, persona by persona (deterministic). */
function* corpus(personas: Persona[], now: number): Generator<Row> {
  const random = seededRandom(2026);
  for (const persona of personas) {
    for (let i = 0; i < MEMORIES_PER_PERSONA; i++) {
      const m = memoryAt(random, persona.name, i);
      const validFrom = new Date(now - Math.floor(random() * 365 * DAY_MS));
      // About 5% no longer hold (superseded or corrected): recall skips them.
      const validTo = random() < 0.05 ? new Date(Math.min(now - 1000, validFrom.getTime() + Math.floor(random() * 30 * DAY_MS))) : null;
      yield { ...m, id: randomUUID(), persona, validFrom, validTo, vector: denseEmbedding(m.text) };
    }
  }
}

const INSERT_SQL = `
insert into memories (id, user_id, persona_id, view, kind, text, importance, valid_from, valid_to, source_message_ids, vector, fact_key, created_at)
select id, user_id, persona_id, view, kind, body, importance, valid_from, valid_to, sources::text[], vector::real[], fact_key, valid_from
from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::text[])
  as t(id, user_id, persona_id, view, kind, body, importance, valid_from, valid_to, sources, vector, fact_key)`;

/** Bulk load straight into the adapter's table: one multi-row INSERT … SELECT FROM unnest(…) per batch. */
async function bulkLoadPostgres(databaseUrl: string, rows: Iterable<Row>): Promise<{ rows: number; seconds: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = performance.now();
  let total = 0;
  try {
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(INSERT_SQL, [
        batch.map((r) => r.id),
        batch.map((r) => r.persona.userId),
        batch.map((r) => r.persona.personaId),
        batch.map((r) => r.view),
        batch.map((r) => r.kind),
        batch.map((r) => r.text),
        batch.map((r) => r.importance),
        batch.map((r) => r.validFrom.toISOString()),
        batch.map((r) => r.validTo?.toISOString() ?? null),
        batch.map(() => `{${randomUUID()},${randomUUID()}}`),
        batch.map((r) => `{${r.vector.map((x) => x.toPrecision(9)).join(',')}}`),
        batch.map((r) => r.factKey),
      ]);
      total += batch.length;
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    await client.query('analyze memories');
  } finally {
    await client.end();
  }
  return { rows: total, seconds: (performance.now() - t0) / 1000 };
}

/** The same corpus through WeaviateMemoryStore.add (its own write path), 32 at a time. */
async function loadThroughAdapter(store: MemoryStore, rows: Iterable<Row>): Promise<{ rows: number; seconds: number }> {
  const t0 = performance.now();
  const iterator = rows[Symbol.iterator]();
  let total = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const r = next.value;
        await store.add({
          userId: r.persona.userId,
          personaId: r.persona.personaId,
          view: r.view,
          kind: r.kind,
          text: r.text,
          importance: r.importance,
          validFrom: r.validFrom,
          sourceMessageIds: [randomUUID()],
          vector: r.vector,
          ...(r.factKey ? { factKey: r.factKey } : {}),
        });
        total += 1;
      }
    }),
  );
  return { rows: total, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Recall through the adapter for stored memories' own text and vector (sampled from the
 * table): each must come back in the top 8 (or a memory of the same persona with the very
 * same text, when the corpus repeated one).
 */
async function checkRecallFindsLoaded(orm: MikroORM, store: MemoryStore, samples: number): Promise<{ checked: number; found: number; first: number }> {
  const rows = await orm.em
    .getConnection()
    .execute<{ id: string; user_id: string; persona_id: string; text: string }[]>(
      `select id, user_id, persona_id, text from memories where view = 'partner' and valid_to is null order by md5(id::text) limit ?`,
      [samples],
    );
  let found = 0;
  let first = 0;
  for (const r of rows) {
    const top = await store.recall({ userId: r.user_id, personaId: r.persona_id, view: 'partner', text: r.text, vector: denseEmbedding(r.text), limit: 8 });
    const hit = (i: number) => top[i] !== undefined && (top[i]!.memory.id === r.id || top[i]!.memory.text === r.text);
    if (top.some((_, i) => hit(i))) found += 1;
    if (hit(0)) first += 1;
  }
  return { checked: rows.length, found, first };
}

function queries(personas: Persona[], count: number, seed: number): RecallQuery[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const persona = personas[Math.floor(random() * personas.length)]!;
    const text = queryText(random);
    return { userId: persona.userId, personaId: persona.personaId, view: 'partner' as const, text, vector: denseEmbedding(text), limit: 8 };
  });
}

async function measureRecall(store: MemoryStore, list: RecallQuery[], concurrency: number) {
  let next = 0;
  const result = await closedLoop(concurrency, list.length, async () => {
    await store.recall(list[next++ % list.length]!);
  });
  return { ...summarise(result.latencies), perSec: result.throughputPerSec };
}

/** A SqlExecutor over the ORM's connection (as the composition root builds it) that times each statement. */
function timedExecutor(orm: MikroORM, sqlMs: number[], rowsSeen: number[]) {
  return {
    async execute(sql: string, params?: unknown[]) {
      const t = performance.now();
      const rows = await orm.em.getConnection().execute(sql, params ?? []);
      sqlMs.push(performance.now() - t);
      if (Array.isArray(rows)) rowsSeen.push(rows.length);
      return rows;
    },
  };
}

/**
 * `memory-recall`: 100,000 memories (10 users × 100 personas × 100) with dense 512-d
 * vectors in the embedded PostgresMemoryStore, then filtered hybrid recall for random
 * personas through the adapter. Weaviate too when WEAVIATE_URL is set.
 */
export const memoryRecallBench: BenchScenario = {
  id: 'memory-recall',
  async run(): Promise<BenchResult> {
    let services: BenchServices | undefined;
    let orm: MikroORM | undefined;
    const rows: (string | number | null)[][] = [];
    const targets: TargetCheck[] = [];
    const notes: string[] = [];
    const details: Record<string, unknown> = {};
    try {
      services = await startBenchServices('soullink_bench_memory');
      const personas: Persona[] = [];
      for (let u = 0; u < USERS; u++) {
        const userId = randomUUID();
        for (let p = 0; p < PERSONAS_PER_USER; p++) personas.push({ userId, personaId: randomUUID(), name: NAMES[(u * PERSONAS_PER_USER + p) % NAMES.length]! });
      }
      const now = Date.now();
      const load = await bulkLoadPostgres(services.databaseUrl, corpus(personas, now));
      details.load = { ...load, rowsPerSec: Math.round(load.rows / load.seconds) };

      orm = await createOrm({ clientUrl: services.databaseUrl, entities, migrations, logger: createLogger('silent') });
      const sqlMs: number[] = [];
      const rowsSeen: number[] = [];
      const store = new PostgresMemoryStore(timedExecutor(orm, sqlMs, rowsSeen));

      const check = await checkRecallFindsLoaded(orm, store, 25);
      details.check = check;
      if (check.found < check.checked) throw new Error(`recall found ${check.found} of ${check.checked} stored memories in its top 8`);

      const warm = queries(personas, WARM_UP_QUERIES, 7);
      for (const q of warm) await store.recall(q);
      const list = queries(personas, QUERIES, 11);
      for (const concurrency of [1, 8]) {
        sqlMs.length = 0;
        rowsSeen.length = 0;
        const s = await measureRecall(store, list, concurrency);
        const sql = summarise(sqlMs);
        rows.push(['PostgreSQL (PostgresMemoryStore)', load.rows, concurrency, list.length, round(s.p50), round(s.p95), round(s.p99), round(s.mean), round(sql.p50), round(rowsSeen.reduce((a, b) => a + b, 0) / rowsSeen.length), Math.round(s.perSec)]);
        details[`postgres-c${concurrency}`] = { ...s, sql };
        if (concurrency === 1) targets.push({ what: 'PostgreSQL recall p99 @1', target: `≤ ${TARGET_P99_MS} ms`, measured: `${round(s.p99)} ms`, met: s.p99 <= TARGET_P99_MS });
      }
      notes.push(
        `Corpus: ${USERS} users × ${PERSONAS_PER_USER} personas × ${MEMORIES_PER_PERSONA} memories (80 partner view, 20 coach; facts, events, summaries of 40–110 characters; ~5% no longer valid), dense 512-d unit vectors (the stub's hashed bag of words plus deterministic noise on every component). Loaded in ${load.seconds.toFixed(1)} s (${Math.round(load.rows / load.seconds)} rows/s) with multi-row INSERT … SELECT FROM unnest(…) straight into \`memories\`, then ANALYZE.`,
        `Check: recall through the adapter with a stored memory's own text and vector returned it in the top 8 for ${check.found} of ${check.checked} (first: ${check.first}).`,
        `Queries: recall({ userId, personaId, view: 'partner', text, vector, limit: 8 }) for uniformly random personas, short chat-like texts embedded the same way; ${WARM_UP_QUERIES} warm-up queries, then ${QUERIES} measured per concurrency (closed loop). "SQL p50" is the statement alone as the adapter's executor sees it (MikroORM connection, including the driver's parsing of rows); the rest of a recall is validation and in-process ranking.`,
      );

      if (process.env.WEAVIATE_URL) {
        const client = await connectWeaviate(process.env.WEAVIATE_URL);
        const weaviate = new WeaviateMemoryStore(client, { collectionName: `BenchMemory${Date.now()}` });
        try {
          await weaviate.ensureCollection();
          const wload = await loadThroughAdapter(weaviate, corpus(personas, now));
          for (const q of warm) await weaviate.recall(q);
          for (const concurrency of [1, 8]) {
            const s = await measureRecall(weaviate, list, concurrency);
            rows.push(['Weaviate (WeaviateMemoryStore)', wload.rows, concurrency, list.length, round(s.p50), round(s.p95), round(s.p99), round(s.mean), null, null, Math.round(s.perSec)]);
            details[`weaviate-c${concurrency}`] = s;
            if (concurrency === 1) targets.push({ what: 'Weaviate recall p99 @1', target: `≤ ${TARGET_P99_MS} ms`, measured: `${round(s.p99)} ms`, met: s.p99 <= TARGET_P99_MS });
          }
          notes.push(`Weaviate at WEAVIATE_URL: loaded through WeaviateMemoryStore.add (32 in flight) in ${wload.seconds.toFixed(0)} s; same queries.`);
        } finally {
          await client.collections.delete(weaviate.collectionName).catch(() => undefined);
          await weaviate.close();
          await client.close();
        }
      } else {
        notes.push('Weaviate: skipped (WEAVIATE_URL is not set).');
      }

      return {
        id: 'memory-recall',
        title: 'Memory recall: filtered hybrid search over 100,000 memories',
        table: { columns: ['store', 'memories', 'concurrency', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'SQL p50 ms', 'candidates / query', 'recalls/s'], rows },
        targets,
        notes,
        details,
      };
    } finally {
      await orm?.close(true);
      await services?.close();
    }
  },
};

