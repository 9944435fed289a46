import type { AccountTokenPurpose, AccountTokenStore } from '../../ports/account-token-store.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

/**
 * The `account_tokens` table. Used and expired are judged at the `now` the domain passes (its
 * Clock), the clock the expiry was written by; each statement commits on its own.
 */
export class PostgresAccountTokenStore implements AccountTokenStore {
  constructor(private readonly db: SqlExecutor) {}

  async issue(token: { hashHex: string; userId: string; purpose: AccountTokenPurpose; expiresAt: Date }, now: Date): Promise<void> {
    await this.db.execute(`update account_tokens set used_at = ? where user_id = ? and purpose = ? and used_at is null`, [now, token.userId, token.purpose]);
    await this.db.execute(`insert into account_tokens (token_hash, user_id, purpose, expires_at) values (decode(?, 'hex'), ?, ?, ?)`, [
      token.hashHex,
      token.userId,
      token.purpose,
      token.expiresAt,
    ]);
  }

  async consume(hashHex: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null> {
    const rows = await sqlRows<{ user_id: string }>(
      this.db,
      `update account_tokens set used_at = ?
        where token_hash = decode(?, 'hex') and purpose = ? and used_at is null and expires_at > ?
        returning user_id`,
      [now, hashHex, purpose, now],
    );
    return rows[0]?.user_id ?? null;
  }
}
