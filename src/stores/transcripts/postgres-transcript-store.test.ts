import { pooledSql } from '../postgres/pooled-sql';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migration20261123100000_transcripts } from '../../../migrations/Migration20261123100000_transcripts';
import { createDatabase, dropDatabase } from '../../../test/support/test-database';
import { ormOptions } from '../postgres/create-orm';
import { PostgresTranscriptStore, type SqlExecutor } from './postgres-transcript-store';
import { transcriptStoreContract } from './transcript-store.contract';

const MIGRATION = { name: 'Migration20261123100000_transcripts', class: Migration20261123100000_transcripts };

/** A MikroORM instance with no entities: the store only needs its connection. */
function connect(clientUrl: string, withMigration = false): Promise<MikroORM> {
  const options = ormOptions({ clientUrl, entities: [], migrations: withMigration ? [MIGRATION] : [] });
  return MikroORM.init({ ...options, discovery: { requireEntitiesArray: true, warnWhenNoEntities: false } });
}

async function hasTranscriptTable(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ t: string | null }[]>(
    `select to_regclass('public.transcript_messages')::text as t`,
  );
  return Boolean(row?.t);
}

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  /**
   * The run's database (TEST_DATABASE_URL) when migrations/index.ts lists the transcripts
   * migration; until then a throwaway database with just that migration applied.
   */
  let url: Promise<string> | undefined;
  let throwaway: string | undefined;
  const databaseUrl = (): Promise<string> =>
    (url ??= (async () => {
      const probe = await connect(runUrl);
      try {
        if (await hasTranscriptTable(probe)) return runUrl;
      } finally {
        await probe.close(true);
      }
      throwaway = await createDatabase(runUrl, 'soullink_transcripts');
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

  transcriptStoreContract('postgres', async () => {
    const orm = await connect(await databaseUrl());
    // Statements on the ORM's pool, as the composition root passes them.
    const executor: SqlExecutor = pooledSql(orm);
    return new PostgresTranscriptStore(executor, { onClose: () => orm.close(true) });
  });

  describe('Migration20261123100000_transcripts', () => {
    it('When applied and reverted on an empty database, Then its tables and constraints come and go', async () => {
      const db = await createDatabase(runUrl, 'soullink_transcripts_migration');
      const orm = await connect(db, true);
      try {
        await orm.migrator.up();
        expect(await hasTranscriptTable(orm)).toBe(true);
        const conn = orm.em.getConnection();
        const constraints = await conn.execute<{ conname: string }[]>(
          `select conname from pg_constraint where conrelid = 'transcript_messages'::regclass order by conname`,
        );
        expect(constraints.map((c) => c.conname)).toEqual([
          'transcript_messages_conversation_id_dedupe_key_unique',
          'transcript_messages_conversation_id_seq_unique',
          'transcript_messages_kind_check',
          'transcript_messages_pkey',
          'transcript_messages_role_check',
          'transcript_messages_seq_check',
        ]);
        const [index] = await conn.execute<{ n: number }[]>(
          `select count(*)::int as n from pg_indexes where indexname = 'transcript_messages_owner_id_index'`,
        );
        expect(index!.n).toBe(1);

        await orm.migrator.down();
        expect(await hasTranscriptTable(orm)).toBe(false);
        const [counters] = await conn.execute<{ t: string | null }[]>(`select to_regclass('public.transcript_seq_counters')::text as t`);
        expect(counters!.t).toBeNull();
      } finally {
        await orm.close(true);
        await dropDatabase(db);
      }
    });
  });
} else {
  it.skip('PostgreSQL transcript store contract (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
