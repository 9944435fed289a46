import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokens } from './access-tokens';
import type { SessionMeta } from './account-deps';
import { AuthSession } from './auth-session.entity';
import type { AuthResult } from './auth-result';
import { RefreshToken } from './refresh-token.entity';
import { newRefreshTokenSecret } from './refresh-token-secret';
import type { User } from './user.entity';

const DAY_MS = 86_400_000;

/** Opens a new session for `user` at `now` with its first refresh token. Caller flushes. */
export async function startSession(
  em: EntityManager,
  accessTokens: AccessTokens,
  user: User,
  refreshTokenTtlDays: number,
  meta: SessionMeta,
  now: Date,
): Promise<AuthResult> {
  const expiresAt = new Date(now.getTime() + refreshTokenTtlDays * DAY_MS);
  const session = em.create(AuthSession, {
    user,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 200) ?? null,
    createdAt: now,
    lastUsedAt: now,
  });
  return issueTokens(em, accessTokens, user, session, now);
}

/** Adds the next refresh token to `session` and signs a matching access token. Caller flushes. */
export async function issueTokens(
  em: EntityManager,
  accessTokens: AccessTokens,
  user: User,
  session: AuthSession,
  now: Date,
): Promise<AuthResult> {
  const secret = newRefreshTokenSecret();
  em.create(RefreshToken, { session, tokenHash: secret.hash, expiresAt: session.expiresAt, createdAt: now });
  const access = await accessTokens.issue({ userId: user.id, sessionId: session.id, role: user.role, tier: user.tier }, now);
  return {
    user,
    sessionId: session.id,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: secret.token,
    refreshTokenExpiresAt: session.expiresAt,
  };
}
