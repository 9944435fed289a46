import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { ChatStore } from '../../ports/chat-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { findOwnChat } from './find-own-chat';

/**
 * Deletes a chat: its rows (messages cascade), its transcript and its event log. Memories
 * drawn from it stay (they are the user's, listed and forgettable on their own); forks of
 * it stay as chats of their own.
 */
export async function deleteChat(deps: { transcripts: TranscriptStore; chatEvents: ChatEventLog; chatStore: ChatStore }, em: EntityManager, ownerId: string, sessionId: string): Promise<boolean> {
  const session = await findOwnChat(em, ownerId, sessionId);
  // Rows first: once the row is gone no reply can be written into the conversation again.
  await deps.chatStore.sessions.delete(session.id);
  await deps.transcripts.deleteConversation(session.id);
  await deps.chatEvents.delete(session.id);
  return true;
}
