import { randomUUID } from 'node:crypto';
import { suiteSqlConnection } from '../../../test/support/suite-sql-connection';
import { PostgresMonthlyTokenUsage } from './postgres-monthly-token-usage';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  describe('PostgresMonthlyTokenUsage', () => {
    const connection = suiteSqlConnection(runUrl);

    it('When the quota has counted a month, Then that month reads back its counts and another month reads zeros', async () => {
      const userId = randomUUID();
      await connection.db.execute(`insert into users (id, email, display_name, created_at, updated_at) values (?::uuid, ?, 'Usage test', now(), now())`, [userId, `${userId}@usage.test`]);
      await connection.db.execute('insert into monthly_token_usage (user_id, month, used, reserved) values (?, ?, 1234, 66)', [userId, '2026-03']);
      const usage = new PostgresMonthlyTokenUsage(connection.db);

      expect(await usage.ofMonth(userId, '2026-03')).toEqual({ used: 1234, reserved: 66 });
      expect(await usage.ofMonth(userId, '2026-04')).toEqual({ used: 0, reserved: 0 });
    });
  });
} else {
  it.skip('PostgresMonthlyTokenUsage (needs TEST_DATABASE_URL)', () => undefined);
}
