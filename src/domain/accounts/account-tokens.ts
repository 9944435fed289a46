import { createHash, randomBytes } from 'node:crypto';
import type { AccountTokenPurpose, AccountTokenStore } from '../../ports/account-token-store.port';
import type { Clock } from '../../ports/clock.port';

export type { AccountTokenPurpose } from '../../ports/account-token-store.port';

/** How long a link works: reset links are short-lived; invitations and verification links a little longer. */
export const TOKEN_TTL_MS: Readonly<Record<AccountTokenPurpose | 'INVITATION', number>> = {
  PASSWORD_RESET: 30 * 60_000,
  EMAIL_VERIFICATION: 24 * 3_600_000,
  INVITATION: 72 * 3_600_000,
};

const hashHexOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Issues a one-time token: 32 random bytes for the email, only their SHA-256 in the store
 * (a database leak yields no usable link). Earlier unused tokens of the same purpose for the
 * user stop working, so only the latest email's link does.
 */
export async function issueAccountToken(
  deps: { accountTokens: AccountTokenStore; clock: Clock },
  userId: string,
  purpose: AccountTokenPurpose,
  ttlMs: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.accountTokens.issue({ hashHex: hashHexOf(token), userId, purpose, expiresAt: new Date(now.getTime() + ttlMs) }, now);
  return token;
}

/**
 * Spends a token (once: see AccountTokenStore.consume). Returns the user id, or null when the
 * token is malformed, unknown, used, expired or for another purpose.
 */
export async function consumeAccountToken(deps: { accountTokens: AccountTokenStore; clock: Clock }, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  if (!/^[\w-]{43}$/.test(token)) return null;
  return deps.accountTokens.consume(hashHexOf(token), purpose, deps.clock.now());
}
