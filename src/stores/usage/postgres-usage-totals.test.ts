import { randomUUID } from 'node:crypto';
import { suiteSqlConnection } from '../../../test/support/suite-sql-connection';
import { PostgresUsageTotals } from './postgres-usage-totals';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  describe('PostgresUsageTotals', () => {
    const connection = suiteSqlConnection(runUrl);

    /** One ledger record, as the usage ledger writes it. */
    const record = (userId: string, tier: string, audioSeconds: number, at: string) =>
      connection.db.execute(
        `insert into usage_records (id, user_id, agent, node, purpose, tier, model, prompt_tokens, completion_tokens, cost_usd, latency_ms, cache_hit, outcome, created_at, audio_seconds)
         values (?, ?, 'live-chat', 'speak', 'spoken-reply', ?, 'tts-1', 0, 0, 0, 1, false, 'OK', ?, ?)`,
        [randomUUID(), userId, tier, at, audioSeconds],
      );

    it('When a user’s voice seconds are asked for since a moment, Then only their voice calls from that moment on count', async () => {
      const userId = randomUUID();
      const someoneElse = randomUUID();
      await record(userId, 'voice', 40.5, '2026-02-28T23:59:59.999Z');
      await record(userId, 'voice', 30, '2026-03-01T00:00:00.000Z');
      await record(userId, 'voice', 12.25, '2026-03-20T10:00:00.000Z');
      await record(userId, 'fast', 99, '2026-03-20T10:00:00.000Z');
      await record(someoneElse, 'voice', 500, '2026-03-20T10:00:00.000Z');
      const totals = new PostgresUsageTotals(connection.db);

      expect(await totals.voiceSecondsSince(userId, new Date('2026-03-01T00:00:00.000Z'))).toBe(42.25);
      expect(await totals.voiceSecondsSince(randomUUID(), new Date('2026-03-01T00:00:00.000Z'))).toBe(0);
    });
  });
} else {
  it.skip('PostgresUsageTotals (needs TEST_DATABASE_URL)', () => undefined);
}
