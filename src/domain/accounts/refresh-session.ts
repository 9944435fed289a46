import { LockMode } from '@mikro-orm/core';
import { UnauthenticatedError } from '../errors';
import { validateInput } from '../validate-input';
import type { AccountDeps } from './account-deps';
import { refreshTokenInput } from './account-input';
import { SessionRevocation } from './auth-session.entity';
import type { AuthResult } from './auth-result';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken } from './refresh-token-secret';
import { revokeSession } from './revoke-session';
import { issueTokens } from './start-session';

type Outcome = { kind: 'rotated'; result: AuthResult } | { kind: 'reused'; sessionId: string } | { kind: 'invalid' };

/**
 * Exchanges a refresh token for a new pair (rotation). A token works once: presenting one
 * that was already used means someone else holds a copy, so the whole session is revoked.
 * The token row is locked so two concurrent refreshes cannot both succeed.
 */
export async function refreshSession(deps: AccountDeps, input: unknown): Promise<AuthResult> {
  const { refreshToken } = validateInput(refreshTokenInput, input);
  const now = deps.clock.now();
  const outcome = await deps.em.transactional(async (em): Promise<Outcome> => {
    const token = await em.findOne(
      RefreshToken,
      { tokenHash: hashRefreshToken(refreshToken) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['session', 'session.user'] },
    );
    if (!token) return { kind: 'invalid' };
    const session = token.session.getEntity();
    if (token.usedAt) return { kind: 'reused', sessionId: session.id };
    if (!session.isActive(now) || token.expiresAt <= now) return { kind: 'invalid' };
    token.usedAt = now;
    session.lastUsedAt = now;
    const result = await issueTokens(em, deps.accessTokens, session.user.getEntity(), session, now);
    await em.flush();
    return { kind: 'rotated', result };
  });

  if (outcome.kind === 'rotated') return outcome.result;
  if (outcome.kind === 'reused') {
    // Committed outside the transaction above, which only read.
    await revokeSession(deps, outcome.sessionId, SessionRevocation.REFRESH_TOKEN_REUSED);
    throw new UnauthenticatedError('Refresh token was already used; the session has been revoked', {
      reason: 'REFRESH_TOKEN_REUSED',
    });
  }
  throw new UnauthenticatedError('Refresh token is invalid or expired', { reason: 'REFRESH_TOKEN_INVALID' });
}
