import type { SessionRevocation } from './auth-session.entity';

/** Events about an account, published on `accountTopic(userId)` and streamed to its devices. */
export type AccountEvent = { type: 'SESSION_REVOKED'; sessionId: string; reason: SessionRevocation; at: string };

export const accountTopic = (userId: string) => `account:${userId}`;
