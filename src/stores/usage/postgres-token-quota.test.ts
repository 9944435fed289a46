import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { User } from '../../domain/accounts/user.entity';
import { ormOptions } from '../postgres/create-orm';
import { PostgresTokenQuota } from './postgres-token-quota';

const runUrl = process.env.TEST_DATABASE_URL;
const MONTH = '2026-05';
const clock = { now: () => new Date('2026-05-14T12:00:00Z') };
/** Small limits per tier, so a few reservations reach them. */
const LIMITS: Record<string, number> = { BASIC: 1000, PREMIUM: 5000, PROFESSIONAL: 50_000 };

if (runUrl) {
  describe('PostgresTokenQuota', () => {
    let orm: MikroORM;
    const sql = <T>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);
    const usage = async (userId: string) =>
      (await sql<{ used: string; reserved: string }>('select used, reserved from monthly_token_usage where user_id = ? and month = ?', [userId, MONTH])).map((r) => ({
        used: Number(r.used),
        reserved: Number(r.reserved),
      }))[0];
    async function newUser(tier = 'BASIC'): Promise<string> {
      const id = randomUUID();
      await sql(`insert into users (id, email, display_name, tier, created_at, updated_at) values (?, ?, 'Quota test', ?, now(), now())`, [id, `${id}@quota.test`, tier]);
      return id;
    }
    const failure = (promise: Promise<unknown>) => promise.then(() => 'reserved', (err: { code?: string }) => err.code);

    beforeAll(async () => {
      const options = ormOptions({ clientUrl: runUrl, entities: [User], migrations: [] });
      orm = await MikroORM.init({ ...options, discovery: { requireEntitiesArray: true, warnWhenNoEntities: false } });
    });
    afterAll(() => orm?.close(true));

    it('When calls reserve and settle within the tier’s allowance, Then the month counts what they used and nothing stays reserved', async () => {
      const quota = new PostgresTokenQuota(orm, LIMITS, clock);
      const userId = await newUser();
      const first = await quota.reserve(userId, 400);
      const second = await quota.reserve(userId, 500);
      expect(await usage(userId)).toEqual({ used: 0, reserved: 900 });
      await first.settle(120);
      await second.settle(300);
      await second.settle(300);
      expect(await usage(userId)).toEqual({ used: 420, reserved: 0 });
    });

    it('When a reservation would pass the allowance, Then QUOTA_EXCEEDED and nothing more is reserved, first call of the month or not', async () => {
      const quota = new PostgresTokenQuota(orm, LIMITS, clock);
      const fresh = await newUser();
      expect(await failure(quota.reserve(fresh, 1001))).toBe('QUOTA_EXCEEDED');
      const userId = await newUser();
      await quota.reserve(userId, 900);
      expect(await failure(quota.reserve(userId, 101))).toBe('QUOTA_EXCEEDED');
      expect(await usage(userId)).toEqual({ used: 0, reserved: 900 });
      expect(await failure(quota.reserve(userId, 100))).toBe('reserved');
    });

    it('When the user moves to a higher tier between calls, Then the next reservation is held to the new tier’s allowance', async () => {
      const quota = new PostgresTokenQuota(orm, LIMITS, clock);
      const userId = await newUser();
      await quota.reserve(userId, 900);
      expect(await failure(quota.reserve(userId, 500))).toBe('QUOTA_EXCEEDED');
      await sql(`update users set tier = 'PREMIUM' where id = ?`, [userId]);
      expect(await failure(quota.reserve(userId, 500))).toBe('reserved');
      await sql(`update users set tier = 'BASIC' where id = ?`, [userId]);
      expect(await failure(quota.reserve(userId, 10))).toBe('QUOTA_EXCEEDED');
      expect(await usage(userId)).toEqual({ used: 0, reserved: 1400 });
    });

    it('When the user’s tier has no limit in the table handed in, Then the reservation fails as a wiring error and nothing is reserved', async () => {
      const quota = new PostgresTokenQuota(orm, { BASIC: 1000 }, clock);
      const userId = await newUser('PREMIUM');
      await expect(quota.reserve(userId, 10)).rejects.toThrow('No monthly token limit for tier PREMIUM');
      // Refused before the month's row is written.
      expect(await usage(userId)).toBeUndefined();
    });

    it('When the account is gone, Then USER_NOT_FOUND', async () => {
      const quota = new PostgresTokenQuota(orm, LIMITS, clock);
      await quota.reserve(await newUser(), 1);
      expect(await failure(quota.reserve(randomUUID(), 1))).toBe('USER_NOT_FOUND');
    });
  });
} else {
  it.skip('PostgresTokenQuota (needs TEST_DATABASE_URL)', () => undefined);
}
