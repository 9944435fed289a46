import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { findOwnChat } from './find-own-chat';

/**
 * Deletes a chat: its rows (messages cascade), its transcript and its event log. Memories
 * drawn from it stay (they are the user's, listed and forgettable on their own); forks of
 * it stay as chats of their own.
 */
export async function deleteChat(deps: { transcripts: TranscriptStore; chatEvents: ChatEventLog }, em: EntityManager, ownerId: string, sessionId: string): Promise<boolean> {
  const session = await findOwnChat(em, ownerId, sessionId);
  // Rows first: once the row is gone no reply can be written into the conversation again.
  await em.getConnection().execute('delete from chat_sessions where id = ?', [session.id]);
  await deps.transcripts.deleteConversation(session.id);
  await deps.chatEvents.delete(session.id);
  return true;
}
