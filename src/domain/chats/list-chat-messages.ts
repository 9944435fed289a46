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

/** Keys per transcript lookup (the store answers at most 1,000: TRANSCRIPT_LIMITS.maxGetByIds). */
const TEXT_LOOKUP_CHUNK = 1000;

/**
 * Earlier versions of regenerated replies (kept as alternatives), oldest first, for many
 * messages at once (the per-request loader behind `ChatMessage.alternatives`): one query,
 * then one transcript lookup per chat and 1,000 alternatives, however many messages a page
 * holds. Results are in the order of `messages`.
 */
export async function listAlternativesOfMany(
  deps: { transcripts: TranscriptStore },
  em: EntityManager,
  messages: readonly { sessionId: string; seq: number; id: string }[],
): Promise<ChatMessageView[][]> {
  if (messages.length === 0) return [];
  const sessionIds = [...new Set(messages.map((m) => m.sessionId))];
  const seqs = [...new Set(messages.map((m) => m.seq))];
  // `in` lists rather than pairs: a page is one chat, so this fetches nothing extra there;
  // across chats a few rows of other seqs may come back and are filtered out below. Only
  // positions with more than one version come back: most replies were never regenerated,
  // and their texts need no lookup.
  const rows = await em.getConnection().execute<ChatMessageRow[]>(
    `select ${MESSAGE_COLUMNS} from chat_messages c
      where c.session_id in (?) and c.seq in (?) and c.role = 'PARTNER' and c.status <> 'DISCARDED'
        and exists (select 1 from chat_messages o where o.session_id = c.session_id and o.seq = c.seq and o.id <> c.id and o.role = 'PARTNER' and o.status <> 'DISCARDED')
      order by c.session_id, c.seq, c.version`,
    [sessionIds, seqs],
  );
  const bySession = new Map<string, ChatMessageRow[]>();
  for (const row of rows) {
    const list = bySession.get(row.session_id);
    if (list) list.push(row);
    else bySession.set(row.session_id, [row]);
  }
  // Versions of one position, oldest first (rows arrive ordered by version).
  const versionsAt = new Map<string, ChatMessageView[]>();
  for (const [sessionId, sessionRows] of bySession) {
    for (let i = 0; i < sessionRows.length; i += TEXT_LOOKUP_CHUNK) {
      for (const view of await withTexts(deps.transcripts, sessionId, sessionRows.slice(i, i + TEXT_LOOKUP_CHUNK))) {
        const key = `${view.sessionId}:${view.seq}`;
        const list = versionsAt.get(key);
        if (list) list.push(view);
        else versionsAt.set(key, [view]);
      }
    }
  }
  return messages.map((m) => (versionsAt.get(`${m.sessionId}:${Number(m.seq)}`) ?? []).filter((v) => v.id !== m.id));
}
