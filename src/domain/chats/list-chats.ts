import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { ChatSession } from './chat-session.entity';

export const MAX_CHAT_PAGE = 50;

/**
 * The user's chats, most recently active first; optionally with one persona. Keyset pages on
 * (lastActivityAt, id): activity is stamped to the millisecond (send-chat-message.ts,
 * src/chat-runtime/generate-reply.ts) so the cursor holds it exactly.
 */
export function listChats(em: EntityManager, ownerId: string, filter: { personaId?: string | null }, page: PageRequest): Promise<Page<ChatSession>> {
  const where = { owner: ownerId, ...(filter.personaId ? { persona: filter.personaId } : {}) };
  return findPage(em, ChatSession, where, { orderBy: { lastActivityAt: 'desc', id: 'asc' }, populate: ['persona'] }, page, { keys: ['date', 'uuid'], maxSize: MAX_CHAT_PAGE });
}
