import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../ports/event-bus.port';
import { accountTopic, type AccountEvent } from './account-events';
import { AuthSession, SessionRevocation } from './auth-session.entity';

/**
 * Revokes a session (its refresh tokens and, through `sid`, its access tokens) and tells the
 * account's live connections. Idempotent.
 */
export async function revokeSession(
  em: EntityManager,
  events: EventBus,
  sessionId: string,
  reason: SessionRevocation,
): Promise<void> {
  const now = new Date();
  const session = await em.findOne(AuthSession, { id: sessionId });
  if (!session || session.revokedAt) return;
  session.revokedAt = now;
  session.revokedReason = reason;
  await em.flush();
  const event: AccountEvent = { type: 'SESSION_REVOKED', sessionId, reason, at: now.toISOString() };
  await events.publish(accountTopic(session.user.id), event);
}
