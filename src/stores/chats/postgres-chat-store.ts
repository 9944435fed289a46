import type { ChatStore } from '../../ports/chat-store.port';
import type { ChatDb } from './chat-db';
import { PostgresChatMessages } from './postgres-chat-messages';
import { PostgresChatRows } from './postgres-chat-rows';
import { PostgresChatSessions } from './postgres-chat-sessions';
import { PostgresReplyQueue } from './postgres-reply-queue';

/** The chat's Postgres stores, one per aggregate, over one connection. */
export function postgresChatStore(db: ChatDb): ChatStore {
  return { sessions: new PostgresChatSessions(db), messages: new PostgresChatMessages(db), replies: new PostgresReplyQueue(db), rows: new PostgresChatRows(db) };
}
