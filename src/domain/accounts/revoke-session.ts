import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import { accountTopic, type AccountEvent } from './account-events';
import { AuthSession, SessionRevocation } from './auth-session.entity';
import { announceRevocation } from './session-revocations';

/**
 * Revokes a session (its refresh tokens and, through `sid`, its access tokens), tells the
 * account's live connections, and has every API instance close that session's websockets
 * (its open subscriptions end with them). Idempotent.
 */
export async function revokeSession(
  deps: { em: EntityManager; events: EventBus; clock: Clock },
  sessionId: string,
  reason: SessionRevocation,
): Promise<void> {
  const { em, events } = deps;
  const now = deps.clock.now();
  const session = await em.findOne(AuthSession, { id: sessionId });
  if (!session || session.revokedAt) return;
  session.revokedAt = now;
  session.revokedReason = reason;
  await em.flush();
  const event: AccountEvent = { type: 'SESSION_REVOKED', sessionId, reason, at: now.toISOString() };
  await events.publish(accountTopic(session.user.id), event);
  await announceRevocation(events, { userId: session.user.id, sessionId, reason });
}
