import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatStore, StoredChatMessage } from '../../ports/chat-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { encodeCursor } from '../pagination/cursor';
import { pageWindow, type Page, type PageRequest, type PageWindow } from '../pagination/page';
import { withTexts, type ChatMessageView } from './chat-message-view';
import { findOwnChat } from './find-own-chat';

export const MAX_MESSAGE_PAGE = 100;

/** Chat messages page on their position (seq); without first/last a page is the latest messages. */
const MESSAGE_PAGES = { keys: ['int'], maxSize: MAX_MESSAGE_PAGE, lastByDefault: true } as const;

/**
 * A page of the conversation, oldest first (newest last): the latest messages by default,
 * `last` n before the cursor `before` for older ones, `first` n after `after` for newer ones.
 * Shows the current version of each message and every reply being written; withdrawn
 * replies and earlier versions are left out (see `alternatives`).
 */
export async function listChatMessages(
  deps: { transcripts: TranscriptStore; chatStore: ChatStore },
  em: EntityManager,
  ownerId: string,
  sessionId: string,
  page: PageRequest,
): Promise<Page<ChatMessageView>> {
  const window = pageWindow(page, MESSAGE_PAGES);
  const session = await findOwnChat(em, ownerId, sessionId);
  return pageOfMessages(deps, session.id, window);
}

/** Checks a page request of chat messages (for readers other than the owner: access/read-shared.ts). */
export function messagePageWindow(page: PageRequest): PageWindow {
  return pageWindow(page, MESSAGE_PAGES);
}

/**
 * A keyset page of a chat the caller may read (its owner, or an analyst or admin through
 * access/find-owned): `seq` is the key and the cursor. One row more than the page is read to
 * know whether more lie beyond it; the far side is known from the cursor (as Relay allows).
 */
export async function pageOfMessages(deps: { transcripts: TranscriptStore; chatStore: ChatStore }, sessionId: string, window: PageWindow): Promise<Page<ChatMessageView>> {
  const after = (window.after?.[0] as number | undefined) ?? -1;
  const before = (window.before?.[0] as number | undefined) ?? 2_147_483_647;
  const rows = await deps.chatStore.messages.page(sessionId, { afterSeq: after, beforeSeq: before, backward: window.backward, limit: window.size + 1 });
  const more = rows.length > window.size;
  const kept = rows.slice(0, window.size);
  const messages = await withTexts(deps.transcripts, sessionId, window.backward ? kept.reverse() : kept);
  const edges = messages.map((node) => ({ node, cursor: encodeCursor([node.seq]) }));
  return {
    edges,
    hasPreviousPage: window.backward ? more : window.after !== null,
    hasNextPage: window.backward ? window.before !== null : more,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
    totalCount: null,
  };
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
  deps: { transcripts: TranscriptStore; chatStore: ChatStore },
  messages: readonly { sessionId: string; seq: number; id: string }[],
): Promise<ChatMessageView[][]> {
  if (messages.length === 0) return [];
  const sessionIds = [...new Set(messages.map((m) => m.sessionId))];
  const seqs = [...new Set(messages.map((m) => m.seq))];
  // Across chats a few rows of other positions may come back and are filtered out below. Only
  // positions with more than one version come back: most replies were never regenerated,
  // and their texts need no lookup.
  const rows = await deps.chatStore.messages.versionsAt(sessionIds, seqs);
  const bySession = new Map<string, StoredChatMessage[]>();
  for (const row of rows) {
    const list = bySession.get(row.sessionId);
    if (list) list.push(row);
    else bySession.set(row.sessionId, [row]);
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
