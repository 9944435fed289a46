import type { EntityManager } from '@mikro-orm/postgresql';
import { UnauthenticatedError } from '../errors';
import type { AccessTokens } from './access-tokens';
import { AuthSession } from './auth-session.entity';
import type { User } from './user.entity';

export interface Principal {
  user: User;
  sessionId: string;
}

/**
 * Resolves a bearer access token to the signed-in user. Besides the JWT checks, the session
 * must still be active, so logout and reuse detection take effect immediately.
 */
export async function authenticate(em: EntityManager, accessTokens: AccessTokens, token: string): Promise<Principal> {
  const claims = await accessTokens.verify(token);
  const session = await em.findOne(AuthSession, { id: claims.sessionId, user: claims.userId }, { populate: ['user'] });
  if (!session || !session.isActive()) {
    throw new UnauthenticatedError('Session has ended', { reason: 'SESSION_REVOKED' });
  }
  return { user: session.user.getEntity(), sessionId: session.id };
}
