import type { MikroORM } from '@mikro-orm/postgresql';
import type { QuotaReservation, TokenQuota } from '../../llm/quota/token-quota.port';
import { User } from '../accounts/user.entity';
import { QuotaExceededError } from '../errors';
import { limitsFor } from '../tiers';

export const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * Monthly token quotas in PostgreSQL. One conditional UPDATE reserves atomically, so
 * concurrent calls cannot overspend: used + reserved + estimate must fit the tier's limit.
 */
export class PostgresTokenQuota implements TokenQuota {
  constructor(private readonly orm: MikroORM) {}

  async reserve(userId: string, estimatedTokens: number): Promise<QuotaReservation> {
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { id: userId }, { fields: ['tier'] });
    const limit = limitsFor(user!.tier).monthlyTokens;
    const month = monthOf(new Date());
    const conn = em.getConnection();
    await conn.execute(
      'insert into monthly_token_usage (user_id, month, used, reserved) values (?, ?, 0, 0) on conflict do nothing',
      [userId, month],
    );
    const rows = await conn.execute<{ used: string }[]>(
      `update monthly_token_usage set reserved = reserved + ?
         where user_id = ? and month = ? and used + reserved + ? <= ?
       returning used`,
      [estimatedTokens, userId, month, estimatedTokens, limit],
    );
    if (rows.length === 0) {
      throw new QuotaExceededError('Monthly token allowance used up for this tier', { limit, month });
    }
    let settled = false;
    return {
      settle: async (actualTokens: number) => {
        if (settled) return;
        settled = true;
        await conn.execute(
          'update monthly_token_usage set reserved = greatest(reserved - ?, 0), used = used + ? where user_id = ? and month = ?',
          [estimatedTokens, Math.max(0, Math.round(actualTokens)), userId, month],
        );
      },
    };
  }
}
