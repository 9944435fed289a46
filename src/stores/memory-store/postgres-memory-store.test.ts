import { MikroORM } from '@mikro-orm/postgresql';
import { Migration20261123110000_memories } from '../../../migrations/Migration20261123110000_memories';
import { createDatabase, dropDatabase } from '../../../test/support/test-database';
import { ormOptions } from '../postgres/create-orm';
import { contractEmbedding, memoryStoreContract } from './memory-store.contract';
import { PostgresMemoryStore, type SqlExecutor } from './postgres-memory-store';

const MIGRATION = { name: 'Migration20261123110000_memories', class: Migration20261123110000_memories };

/** A MikroORM instance with no entities: the store only needs its connection. */
function connect(clientUrl: string, withMigration = false): Promise<MikroORM> {
  const options = ormOptions({ clientUrl, entities: [], migrations: withMigration ? [MIGRATION] : [] });
  return MikroORM.init({ ...options, discovery: { requireEntitiesArray: true, warnWhenNoEntities: false } });
}

async function hasMemoryTable(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ t: string | null }[]>(`select to_regclass('public.memories')::text as t`);
  return Boolean(row?.t);
}

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  /**
   * The run's database (TEST_DATABASE_URL) when migrations/index.ts lists the memories
   * migration; until then a throwaway database with just that migration applied.
   */
  let url: Promise<string> | undefined;
  let throwaway: string | undefined;
  const databaseUrl = (): Promise<string> =>
    (url ??= (async () => {
      const probe = await connect(runUrl);
      try {
        if (await hasMemoryTable(probe)) return runUrl;
      } finally {
        await probe.close(true);
      }
      throwaway = await createDatabase(runUrl, 'soullink_memories');
      const orm = await connect(throwaway, true);
      try {
        await orm.migrator.up();
      } finally {
        await orm.close(true);
      }
      return throwaway;
    })());

  afterAll(async () => {
    if (throwaway) await dropDatabase(throwaway);
  });

  const open = async (options: ConstructorParameters<typeof PostgresMemoryStore>[1] = {}) => {
    const orm = await connect(await databaseUrl());
    // MikroORM's connection is the executor, as the composition root would pass it.
    const executor: SqlExecutor = orm.em.getConnection();
    return { orm, store: new PostgresMemoryStore(executor, { ...options, onClose: () => orm.close(true) }) };
  };

  memoryStoreContract('postgres', async () => (await open()).store);

  describe('PostgresMemoryStore', () => {
    it('When recalling, Then it reads the pair in one statement (no query per memory)', async () => {
      const { orm, store } = await open();
      try {
        const executor = orm.em.getConnection();
        const counting = new PostgresMemoryStore({
          execute: (sql: string, params?: unknown[]) => {
            statements.push(sql);
            return executor.execute(sql, params);
          },
        });
        const statements: string[] = [];
        const userId = crypto.randomUUID();
        await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            store.add({
              userId,
              personaId: 'p',
              view: 'partner',
              kind: 'EVENT',
              text: `Event ${i}`,
              importance: 5,
              validFrom: new Date(),
              sourceMessageIds: [],
              vector: contractEmbedding(`Event ${i}`),
            }),
          ),
        );
        const recalled = await counting.recall({ userId, personaId: 'p', view: 'partner', text: 'Event 7', vector: contractEmbedding('Event 7') });
        expect(recalled[0]!.memory.text).toBe('Event 7');
        expect(statements).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    it('When the store has an injected clock, Then corrections and createdAt use it', async () => {
      const at = new Date('2030-01-02T03:04:05.678Z');
      const { store } = await open({ clock: () => at });
      try {
        const userId = crypto.randomUUID();
        const added = await store.add({
          userId,
          personaId: 'p',
          view: 'coach',
          kind: 'FACT',
          factKey: 'k',
          text: 'Old',
          importance: 2,
          validFrom: new Date('2029-12-01T00:00:00Z'),
          sourceMessageIds: ['a'],
          vector: [1, 0, 0],
        });
        expect(added.createdAt.toISOString()).toBe(at.toISOString());
        const fixed = await store.correct(userId, added.id, 'New', [0, 1, 0]);
        expect(fixed!.validFrom.toISOString()).toBe(at.toISOString());
        expect((await store.get(userId, added.id))!.validTo!.toISOString()).toBe(at.toISOString());
        // Vectors round-trip through real[] (float4 precision).
        expect((await store.get(userId, fixed!.id))!.vector).toEqual([0, 1, 0]);
      } finally {
        await store.close();
      }
    });
  });

  describe('Migration20261123110000_memories', () => {
    it('When applied and reverted on an empty database, Then its table, constraints and indexes come and go', async () => {
      const db = await createDatabase(runUrl, 'soullink_memories_migration');
      const orm = await connect(db, true);
      try {
        await orm.migrator.up();
        expect(await hasMemoryTable(orm)).toBe(true);
        const conn = orm.em.getConnection();
        const constraints = await conn.execute<{ conname: string }[]>(
          `select conname from pg_constraint where conrelid = 'memories'::regclass order by conname`,
        );
        expect(constraints.map((c) => c.conname)).toEqual([
          'memories_importance_check',
          'memories_kind_check',
          'memories_pkey',
          'memories_validity_check',
          'memories_vector_check',
          'memories_view_check',
        ]);
        const indexes = await conn.execute<{ indexname: string }[]>(
          `select indexname from pg_indexes where tablename = 'memories' order by indexname`,
        );
        expect(indexes.map((i) => i.indexname)).toEqual(['memories_current_fact_unique', 'memories_pkey', 'memories_scope_index']);

        await orm.migrator.down();
        expect(await hasMemoryTable(orm)).toBe(false);
      } finally {
        await orm.close(true);
        await dropDatabase(db);
      }
    });
  });
} else {
  it.skip('PostgreSQL memory store contract (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
