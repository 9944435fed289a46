import { Client } from 'pg';
import { migratedDatabase } from './support/migrated-database';
import { dropDatabase } from './support/test-database';

/**
 * The keyset pages of the connections (src/domain/pagination/find-page.ts) are index range
 * scans on the migrated schema (migrations/Migration20261205000000_keyset_indexes.ts): on a
 * seeded, analysed table, the next page after a cursor reads the list's own index in order and
 * stops at the page size — no Sort node, no scan of the other owners' rows.
 */
let url: string;
let db: Client;
const OWNERS = 200;
const PER_OWNER = 100;

beforeAll(async () => {
  url = await migratedDatabase(process.env.TEST_SERVER_URL!, 'soullink_keyset');
  db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`insert into users (id, email, display_name, created_at, updated_at)
    select gen_random_uuid(), 'u' || g || '@example.com', 'U' || g, now(), now() from generate_series(1, ${OWNERS}) g`);
  await db.query(`insert into personas (id, owner_id, kind, name, interests, "values", goals, dealbreakers, created_at, updated_at)
    select gen_random_uuid(), u.id, 'PARTNER', 'P' || g, '[]', '[]', '[]', '[]', now() - g * interval '1 minute', now()
    from users u cross join generate_series(1, ${PER_OWNER}) g`);
  await db.query(`insert into chat_sessions (id, owner_id, persona_id, created_at, updated_at, last_activity_at)
    select gen_random_uuid(), p.owner_id, p.id, now(), now(), now() - (random() * 1000) * interval '1 minute' from personas p`);
  await db.query(`insert into access_grants (id, owner_id, grantee_id, kind, created_at, revoked_at)
    select gen_random_uuid(), p.owner_id, (select id from users order by id limit 1 offset (abs(hashtext(p.id::text)) % ${OWNERS})), 'PERSONA', now() - (random() * 1000) * interval '1 minute',
      case when random() < 0.3 then now() else null end
    from personas p`);
  await db.query(`insert into study_datasets (id, owner_id, name, format, status, schema, created_at)
    select gen_random_uuid(), u.id, 'D' || g, 'CSV', 'READY', '{}', now() - g * interval '1 minute' from users u cross join generate_series(1, ${PER_OWNER}) g`);
  await db.query('analyze');
}, 120_000);

afterAll(async () => {
  await db?.end();
  if (url) await dropDatabase(url);
});

async function plan(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function someOwner(): Promise<string> {
  return (await db.query<{ id: string }>('select id from users order by email limit 1')).rows[0]!.id;
}

describe('Keyset indexes', () => {
  it('When personas are paged newest first after a cursor, Then the plan walks personas_owner_id_created_at_id_index without sorting', async () => {
    const owner = await someOwner();
    const text = await plan(
      `select * from personas where owner_id = $1 and (created_at, id) < ($2, $3) order by created_at desc, id desc limit 21`,
      [owner, new Date().toISOString(), 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    );
    expect(text).toContain('personas_owner_id_created_at_id_index');
    expect(text).not.toMatch(/\bSort\b/);
  });

  it('When chats are paged by last activity (desc, id asc), Then the plan walks chat_sessions_owner_id_last_activity_at_id_index without sorting', async () => {
    const owner = await someOwner();
    const text = await plan(
      `select * from chat_sessions where owner_id = $1 and (last_activity_at < $2 or (last_activity_at = $2 and id > $3)) order by last_activity_at desc, id asc limit 21`,
      [owner, new Date().toISOString(), '00000000-0000-4000-8000-000000000000'],
    );
    expect(text).toContain('chat_sessions_owner_id_last_activity_at_id_index');
    expect(text).not.toMatch(/\bSort\b/);
  });

  it('When an analyst pages the grants in force, Then the partial access_grants_grantee_id_created_at_id_index serves it without sorting', async () => {
    const grantee = await someOwner();
    const text = await plan(`select * from access_grants where grantee_id = $1 and revoked_at is null order by created_at desc, id desc limit 21`, [grantee]);
    expect(text).toContain('access_grants_grantee_id_created_at_id_index');
    expect(text).not.toMatch(/\bSort\b/);
  });

  it('When study datasets are paged (created_at desc, id asc), Then the plan walks study_datasets_owner_id_created_at_id_index without sorting', async () => {
    const owner = await someOwner();
    const text = await plan(
      `select * from study_datasets where owner_id = $1 and (created_at < $2 or (created_at = $2 and id > $3)) order by created_at desc, id asc limit 21`,
      [owner, new Date().toISOString(), '00000000-0000-4000-8000-000000000000'],
    );
    expect(text).toContain('study_datasets_owner_id_created_at_id_index');
    expect(text).not.toMatch(/\bSort\b/);
  });
});
