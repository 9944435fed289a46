import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatStore } from '../../ports/chat-store.port';
import type { Clock } from '../../ports/clock.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { NotFoundError } from '../errors';
import { withTexts, type ChatMessageView } from './chat-message-view';
import { ChatSession } from './chat-session.entity';
import { findOwnChat } from './find-own-chat';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Most messages a shared page shows (the latest ones). */
const SHARED_MESSAGES = 200;

/**
 * Creates (or replaces) the chat's read-only share link. Only the token's hash is stored:
 * the token is shown once, and sharing again invalidates the previous link.
 */
export async function shareChat(deps: { clock: Clock }, em: EntityManager, ownerId: string, sessionId: string): Promise<{ token: string; session: ChatSession }> {
  const session = await findOwnChat(em, ownerId, sessionId);
  const token = randomBytes(24).toString('base64url');
  session.shareTokenHash = hashToken(token);
  session.sharedAt = deps.clock.now();
  await em.flush();
  return { token, session };
}

/** The link stops working at once. */
export async function revokeChatShare(em: EntityManager, ownerId: string, sessionId: string): Promise<ChatSession> {
  const session = await findOwnChat(em, ownerId, sessionId);
  session.shareTokenHash = null;
  session.sharedAt = null;
  await em.flush();
  return session;
}

/** What a share link shows anyone holding it: the title, the partner's name and the conversation. */
export async function readSharedChat(
  deps: { transcripts: TranscriptStore; chatStore: ChatStore },
  em: EntityManager,
  token: string,
): Promise<{ session: ChatSession; messages: ChatMessageView[] }> {
  const session = /^[\w-]{20,64}$/.test(token) ? await em.findOne(ChatSession, { shareTokenHash: hashToken(token) }, { populate: ['persona'] }) : null;
  if (!session) throw new NotFoundError('CHAT_NOT_FOUND', 'This share link does not exist or was revoked');
  const rows = await deps.chatStore.messages.latestSpoken(session.id, SHARED_MESSAGES);
  return { session, messages: await withTexts(deps.transcripts, session.id, rows.reverse()) };
}
