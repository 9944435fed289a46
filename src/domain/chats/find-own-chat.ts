import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwned, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { NotFoundError } from '../errors';
import { ChatMessageRecord } from './chat-message.entity';
import { ChatSession } from './chat-session.entity';

export const CHATS: OwnedKind<ChatSession> = {
  kind: ResourceKind.CHAT,
  entity: ChatSession,
  ownerOf: (s) => s.owner.id,
  populate: ['persona'],
  notFound: () => new NotFoundError('CHAT_NOT_FOUND', 'Chat not found'),
};

/** A message is reached through its chat: the chat's owner owns it. */
export const CHAT_MESSAGES: OwnedKind<ChatMessageRecord> = {
  kind: ResourceKind.CHAT,
  entity: ChatMessageRecord,
  ownerOf: (m) => m.session.getEntity().owner.id,
  populate: ['session', 'session.persona'],
  notFound: () => new NotFoundError('MESSAGE_NOT_FOUND', 'Message not found'),
};

/** A chat of the caller's; another user's, a deleted one and a malformed id all answer CHAT_NOT_FOUND alike. */
export function findOwnChat(em: EntityManager, ownerId: string, sessionId: string): Promise<ChatSession> {
  return findOwned(em, CHATS, ownerId, sessionId);
}

/** A message of one of the caller's chats (any version), with its session; MESSAGE_NOT_FOUND otherwise. */
export function findOwnChatMessage(em: EntityManager, ownerId: string, messageId: string): Promise<ChatMessageRecord> {
  return findOwned(em, CHAT_MESSAGES, ownerId, messageId);
}
