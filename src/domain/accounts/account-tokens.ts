import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type AccountTokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION';

/** How long a link works: reset links are short-lived; invitations and verification links a little longer. */
export const TOKEN_TTL_MS: Readonly<Record<AccountTokenPurpose | 'INVITATION', number>> = {
  PASSWORD_RESET: 30 * 60_000,
  EMAIL_VERIFICATION: 24 * 3_600_000,
  INVITATION: 72 * 3_600_000,
};

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Issues a one-time token: 32 random bytes for the email, only their SHA-256 in the table
 * (a database leak yields no usable link). Earlier unused tokens of the same purpose for the
 * user stop working, so only the latest email's link does.
 */
export async function issueAccountToken(em: EntityManager, userId: string, purpose: AccountTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const conn = em.getConnection();
  await conn.execute(`update account_tokens set used_at = now() where user_id = ? and purpose = ? and used_at is null`, [userId, purpose]);
  await conn.execute(
    `insert into account_tokens (token_hash, user_id, purpose, expires_at) values (decode(?, 'hex'), ?, ?, ?)`,
    [hashOf(token).toString('hex'), userId, purpose, new Date(Date.now() + ttlMs)],
  );
  return token;
}

/**
 * Spends a token: one conditional UPDATE, so two concurrent uses cannot both succeed.
 * Returns the user id, or null when the token is unknown, used, expired or for another purpose.
 */
export async function consumeAccountToken(em: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  if (!/^[\w-]{43}$/.test(token)) return null;
  const rows = await em.getConnection().execute<{ user_id: string }[]>(
    `update account_tokens set used_at = now()
      where token_hash = decode(?, 'hex') and purpose = ? and used_at is null and expires_at > now()
      returning user_id`,
    [hashOf(token).toString('hex'), purpose],
  );
  return rows[0]?.user_id ?? null;
}
