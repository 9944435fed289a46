import type { MikroORM } from '@mikro-orm/postgresql';
import { AuthSession } from '../domain/accounts/auth-session.entity';

export const PURGE_EXPIRED_SESSIONS = 'purge-expired-sessions';

/**
 * Deletes sessions (and, by cascade, their refresh tokens) that expired or were revoked
 * more than a week ago. The week keeps revoked families around long enough to detect reuse.
 */
export function purgeExpiredSessionsJob(orm: MikroORM) {
  return async (): Promise<void> => {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    await orm.em.fork().nativeDelete(AuthSession, { $or: [{ expiresAt: { $lt: weekAgo } }, { revokedAt: { $lt: weekAgo } }] });
  };
}
