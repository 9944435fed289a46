import type { EntityManager } from '@mikro-orm/postgresql';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { ValidationError } from '../errors';
import { MESSAGE_COLUMNS, withTexts, type ChatMessageRow, type ChatMessageView } from './chat-message-view';
import { findOwnChat } from './find-own-chat';

export const MAX_MESSAGE_PAGE = 100;

export interface ChatMessagePage {
  messages: ChatMessageView[];
  /** Pass as `before` for the next (older) page; null at the start of the chat. */
  nextBefore: number | null;
}

/**
 * A page of the conversation, newest last, older than position `before` (the newest page
 * when absent). Shows the current version of each message and every reply being written;
 * withdrawn replies and earlier versions are left out (see `alternatives`).
 */
export async function listChatMessages(
  deps: { transcripts: TranscriptStore },
  em: EntityManager,
  ownerId: string,
  sessionId: string,
  page: { before?: number | null; limit?: number },
): Promise<ChatMessagePage> {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MESSAGE_PAGE) throw new ValidationError('limit', `limit must be 1–${MAX_MESSAGE_PAGE}`);
  if (page.before !== undefined && page.before !== null && (!Number.isInteger(page.before) || page.before < 1)) throw new ValidationError('before', 'before must be a positive message position');
  const session = await findOwnChat(em, ownerId, sessionId);
  return pageOfMessages(deps, em, session.id, { before: page.before ?? null, limit });
}

/** A page of a chat the caller may read (its owner, or an analyst or admin through access/find-owned). */
export async function pageOfMessages(deps: { transcripts: TranscriptStore }, em: EntityManager, sessionId: string, page: { before: number | null; limit: number }): Promise<ChatMessagePage> {
  const rows = await em.getConnection().execute<ChatMessageRow[]>(
    `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and status <> 'DISCARDED' and seq < ? order by seq desc limit ?`,
    [sessionId, page.before ?? 2_147_483_647, page.limit + 1],
  );
  const more = rows.length > page.limit;
  const newestFirst = rows.slice(0, page.limit);
  const messages = await withTexts(deps.transcripts, sessionId, newestFirst.reverse());
  return { messages, nextBefore: more && messages.length > 0 ? messages[0]!.seq : null };
}

/** Earlier versions of a regenerated reply (kept as alternatives), oldest first. */
export async function listAlternatives(deps: { transcripts: TranscriptStore }, em: EntityManager, message: { sessionId: string; seq: number; id: string }): Promise<ChatMessageView[]> {
  const rows = await em.getConnection().execute<ChatMessageRow[]>(
    `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and seq = ? and id <> ? and role = 'PARTNER' and status <> 'DISCARDED' order by version`,
    [message.sessionId, message.seq, message.id],
  );
  return withTexts(deps.transcripts, message.sessionId, rows);
}
