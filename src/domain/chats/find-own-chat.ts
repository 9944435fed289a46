import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotFoundError } from '../errors';
import { ChatMessageRecord } from './chat-message.entity';
import { ChatSession } from './chat-session.entity';

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * The one way to load a chat for a user: filtered by owner, so another user's chat, a
 * deleted one and a malformed id all answer CHAT_NOT_FOUND alike.
 */
export async function findOwnChat(em: EntityManager, ownerId: string, sessionId: string): Promise<ChatSession> {
  const session = isUuid(sessionId) ? await em.findOne(ChatSession, { id: sessionId, owner: ownerId }, { populate: ['persona'] }) : null;
  if (!session) throw new NotFoundError('CHAT_NOT_FOUND', 'Chat not found');
  return session;
}

/** A message of one of the user's chats (any version), with its session; MESSAGE_NOT_FOUND otherwise. */
export async function findOwnChatMessage(em: EntityManager, ownerId: string, messageId: string): Promise<ChatMessageRecord> {
  const message = isUuid(messageId)
    ? await em.findOne(ChatMessageRecord, { id: messageId, session: { owner: ownerId } }, { populate: ['session', 'session.persona'] })
    : null;
  if (!message) throw new NotFoundError('MESSAGE_NOT_FOUND', 'Message not found');
  return message;
}
