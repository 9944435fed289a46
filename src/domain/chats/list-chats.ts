import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import { ChatSession } from './chat-session.entity';

export const MAX_CHAT_PAGE = 50;

/** The user's chats, most recently active first; optionally with one persona. */
export async function listChats(
  em: EntityManager,
  ownerId: string,
  filter: { personaId?: string | null },
  page: { limit: number; offset: number },
): Promise<{ items: ChatSession[]; total: number }> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_CHAT_PAGE) throw new ValidationError('page.limit', `limit must be 1–${MAX_CHAT_PAGE}`);
  if (!Number.isInteger(page.offset) || page.offset < 0 || page.offset > 100_000) throw new ValidationError('page.offset', 'offset must be 0–100000');
  const where = { owner: ownerId, ...(filter.personaId ? { persona: filter.personaId } : {}) };
  const [items, total] = await em.findAndCount(ChatSession, where, {
    orderBy: { lastActivityAt: 'desc', id: 'asc' },
    limit: page.limit,
    offset: page.offset,
    populate: ['persona'],
  });
  return { items, total };
}
