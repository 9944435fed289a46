import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { ChatSession } from '../chats/chat-session.entity';
import { findOwnPersona } from './find-own-persona';

/**
 * Deletes a persona: first what lives in other engines (its imported messages and its
 * chats' transcripts and event logs; no shared transaction), then the row and, by cascade,
 * its imports, profiles and chats. A crash in between leaves orphaned messages that a retry
 * removes; never the reverse.
 */
export async function deletePersona(deps: { em: EntityManager; transcripts: TranscriptStore; chatEvents: ChatEventLog }, ownerId: string, personaId: string): Promise<void> {
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  await deps.transcripts.deleteConversation(persona.id);
  const chats = await deps.em.find(ChatSession, { persona: persona.id }, { fields: ['id'] });
  for (const chat of chats) {
    await deps.transcripts.deleteConversation(chat.id);
    await deps.chatEvents.delete(chat.id);
  }
  await deps.em.remove(persona).flush();
}
