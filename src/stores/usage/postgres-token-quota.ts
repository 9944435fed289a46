import type { MikroORM } from '@mikro-orm/postgresql';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import { NotFoundError, QuotaExceededError } from '../../kernel/errors';
import { monthOf } from '../../kernel/calendar-month';
import type { Clock } from '../../ports/clock.port';
import type { MonthlyTokenLimits, QuotaReservation, TokenQuota } from '../../ports/token-quota.port';
import { User } from '../../domain/accounts/user.entity';

/**
 * Monthly token quotas in PostgreSQL. One conditional UPDATE reserves atomically, so
 * concurrent calls cannot overspend: used + reserved + estimate must fit the tier's limit.
 * The limits per tier are handed in (the composition root maps src/domain/tiers.ts into them);
 * the month is the clock's, UTC.
 */
export class PostgresTokenQuota implements TokenQuota {
  /**
   * The limits as the JSON object the one-statement reservation joins to the user's tier,
   * serialized once: the usual reservation (the month's row exists) is that conditional UPDATE
   * alone, one round trip before a model call instead of three. Anything else takes the full path.
   */
  private readonly limitsJson: string;

  constructor(
    private readonly orm: MikroORM,
    private readonly limits: MonthlyTokenLimits,
    private readonly clock: Clock,
    /** The reservation's and settlement's statements (pooledSql on the live-chat path); the ORM's connection by default. */
    private readonly sql: SqlExecutor = orm.em.getConnection(),
  ) {
    this.limitsJson = JSON.stringify(limits);
  }

  async reserve(userId: string, estimatedTokens: number): Promise<QuotaReservation> {
    const month = monthOf(this.clock.now());
    if (!(await this.reserveInOneStatement(userId, month, estimatedTokens))) await this.reserveStepByStep(userId, month, estimatedTokens);
    let settled = false;
    return {
      settle: async (actualTokens: number) => {
        if (settled) return;
        settled = true;
        await this.sql.execute(
          'update monthly_token_usage set reserved = greatest(reserved - ?, 0), used = used + ? where user_id = ? and month = ?',
          [estimatedTokens, Math.max(0, Math.round(actualTokens)), userId, month],
        );
      },
    };
  }

  /** The usual case in one statement; false (nothing reserved) when the row, the user or the tier's limit is not there, or the estimate does not fit. */
  private async reserveInOneStatement(userId: string, month: string, estimatedTokens: number): Promise<boolean> {
    const rows = await sqlRows<{ used: string }>(
      this.sql,
      `update monthly_token_usage m set reserved = m.reserved + ?
         from users u
        where m.user_id = ? and m.month = ? and u.id = m.user_id
          and m.used + m.reserved + ? <= (?::jsonb ->> u.tier::text)::bigint
       returning m.used`,
      [estimatedTokens, userId, month, estimatedTokens, this.limitsJson],
    );
    return rows.length > 0;
  }

  /** The full path: the user's tier, the month's row, then the conditional UPDATE; throws when the account is gone or the estimate does not fit. */
  private async reserveStepByStep(userId: string, month: string, estimatedTokens: number): Promise<void> {
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { id: userId }, { fields: ['tier'] });
    // The account was erased while a call of its was on the way (a reply's coach call, say).
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'The account no longer exists');
    const limit = Object.hasOwn(this.limits, user.tier) ? this.limits[user.tier] : undefined;
    // A tier the composition root did not hand in is a wiring mistake, not the user's overspend.
    if (limit === undefined) throw new Error(`No monthly token limit for tier ${user.tier}`);
    const conn = em.getConnection();
    await conn.execute(
      // Only for an account that still exists: the table has no foreign key to users, and an
      // erasure between the read above and this insert would otherwise leave the row behind.
      'insert into monthly_token_usage (user_id, month, used, reserved) select id, ?, 0, 0 from users where id = ? on conflict do nothing',
      [month, userId],
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
  }
}
