import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { User } from '../../domain/accounts/user.entity';
import type { UsageEntry } from '../../ports/usage-ledger.port';
import { ormOptions } from '../../stores/postgres/create-orm';
import { PostgresUsageLedger } from './postgres-usage-ledger';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  describe('PostgresUsageLedger', () => {
    let orm: MikroORM;
    const sql = <T>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);
    const entry = (userId: string | undefined, node: string): UsageEntry => ({
      tag: { userId, agent: 'partner-simulation', node, purpose: 'chat' },
      tier: 'chat',
      model: 'gpt-4o-mini',
      promptTokens: 120,
      completionTokens: 30,
      latencyMs: 12,
      cacheHit: false,
      outcome: 'ok',
    });
    const rowsOf = (node: string) =>
      sql<{ user_id: string | null; prompt_tokens: number; completion_tokens: number }>('select user_id, prompt_tokens, completion_tokens from usage_records where node = ?', [node]);

    beforeAll(async () => {
      const options = ormOptions({ clientUrl: runUrl, entities: [User], migrations: [] });
      orm = await MikroORM.init({ ...options, discovery: { requireEntitiesArray: true, warnWhenNoEntities: false } });
    });
    afterAll(() => orm?.close(true));

    it('When a call of an existing account is recorded, Then its row names the user', async () => {
      const userId = randomUUID();
      await sql(`insert into users (id, email, display_name, tier, created_at, updated_at) values (?, ?, 'Ledger test', 'BASIC', now(), now())`, [userId, `${userId}@ledger.test`]);
      const node = `node-${randomUUID()}`;
      await new PostgresUsageLedger(orm.em.getConnection(), {}).record(entry(userId, node));
      expect(await rowsOf(node)).toEqual([{ user_id: userId, prompt_tokens: 120, completion_tokens: 30 }]);
    });

    it('When a call ends after its account was erased, Then it is still counted, but under no user', async () => {
      const node = `node-${randomUUID()}`;
      await new PostgresUsageLedger(orm.em.getConnection(), {}).record(entry(randomUUID(), node));
      expect(await rowsOf(node)).toEqual([{ user_id: null, prompt_tokens: 120, completion_tokens: 30 }]);
    });

    it('When system work with no user is recorded, Then its row names no user', async () => {
      const node = `node-${randomUUID()}`;
      await new PostgresUsageLedger(orm.em.getConnection(), {}).record(entry(undefined, node));
      expect(await rowsOf(node)).toEqual([{ user_id: null, prompt_tokens: 120, completion_tokens: 30 }]);
    });
  });
}
