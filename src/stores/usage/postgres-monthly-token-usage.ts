import type { MonthlyTokenCount, MonthlyTokenUsage } from '../../ports/monthly-token-usage.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

/** The counts PostgresTokenQuota keeps in `monthly_token_usage`, read back. */
export class PostgresMonthlyTokenUsage implements MonthlyTokenUsage {
  constructor(private readonly db: SqlExecutor) {}

  async ofMonth(userId: string, month: string): Promise<MonthlyTokenCount> {
    const [row] = await sqlRows<{ used: string; reserved: string }>(this.db, 'select used, reserved from monthly_token_usage where user_id = ? and month = ?', [userId, month]);
    return { used: Number(row?.used ?? 0), reserved: Number(row?.reserved ?? 0) };
  }
}
