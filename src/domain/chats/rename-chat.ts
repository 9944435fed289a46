import type { EntityManager } from '@mikro-orm/postgresql';
import { chatTitle } from './chat-input';
import type { ChatPolicy } from './chat-policy';
import type { ChatSession } from './chat-session.entity';
import { findOwnChat } from './find-own-chat';

/** The user's own title; the automatic title never replaces it. */
export async function renameChat(em: EntityManager, ownerId: string, sessionId: string, title: string): Promise<ChatSession> {
  const clean = chatTitle(title);
  const session = await findOwnChat(em, ownerId, sessionId);
  session.title = clean;
  session.titleByUser = true;
  await em.flush();
  return session;
}

/** What a second message does while a reply streams (applies from the next message on). */
export async function setChatPolicy(em: EntityManager, ownerId: string, sessionId: string, policy: ChatPolicy): Promise<ChatSession> {
  const session = await findOwnChat(em, ownerId, sessionId);
  session.policy = policy;
  await em.flush();
  return session;
}
