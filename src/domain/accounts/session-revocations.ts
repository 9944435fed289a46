import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import { accountTopic, type AccountEvent } from './account-events';
import { SessionRevocation } from './auth-session.entity';

/**
 * Ended sessions, for every API instance: each listens on this one topic (one pub/sub channel
 * per process, not one per user) and closes the websockets of the sessions named, so a
 * logged-out or erased user's open subscriptions stop at once, wherever they are connected.
 */
export const SESSION_REVOCATIONS_TOPIC = 'session-revocations';

export interface SessionRevocationNotice {
  userId: string;
  /** The session that ended; null: every session of the user (the account was deleted). */
  sessionId: string | null;
  reason: SessionRevocation;
}

export function announceRevocation(events: EventBus, notice: SessionRevocationNotice): Promise<void> {
  return events.publish(SESSION_REVOCATIONS_TOPIC, notice);
}

/**
 * An erased account's sessions all ended: its devices hear SESSION_REVOKED (ACCOUNT_DELETED)
 * for each, then every instance closes the user's sockets.
 */
export async function announceAccountDeleted(deps: { events: EventBus; clock: Clock }, userId: string, sessionIds: string[]): Promise<void> {
  const { events } = deps;
  const at = deps.clock.now().toISOString();
  for (const sessionId of sessionIds) {
    const event: AccountEvent = { type: 'SESSION_REVOKED', sessionId, reason: SessionRevocation.ACCOUNT_DELETED, at };
    await events.publish(accountTopic(userId), event);
  }
  await announceRevocation(events, { userId, sessionId: null, reason: SessionRevocation.ACCOUNT_DELETED });
}
