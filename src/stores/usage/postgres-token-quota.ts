import type { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError, QuotaExceededError } from '../../kernel/errors';
import { monthOf } from '../../kernel/calendar-month';
import type { Clock } from '../../ports/clock.port';
import type { QuotaReservation, TokenQuota } from '../../ports/token-quota.port';
import { User } from '../../domain/accounts/user.entity';

/**
 * Monthly token quotas in PostgreSQL. One conditional UPDATE reserves atomically, so
 * concurrent calls cannot overspend: used + reserved + estimate must fit the tier's limit.
 * The limit per tier is handed in (src/domain/tiers.ts holds the table); the month is the
 * clock's, UTC.
 */
export class PostgresTokenQuota implements TokenQuota {
  constructor(
    private readonly orm: MikroORM,
    private readonly monthlyTokens: (tier: User['tier']) => number,
    private readonly clock: Clock,
  ) {}

  async reserve(userId: string, estimatedTokens: number): Promise<QuotaReservation> {
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { id: userId }, { fields: ['tier'] });
    // The account was erased while a call of its was on the way (a reply's coach call, say).
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'The account no longer exists');
    const limit = this.monthlyTokens(user.tier);
    const month = monthOf(this.clock.now());
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
