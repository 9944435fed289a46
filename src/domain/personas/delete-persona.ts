import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { ObjectStore } from '../../ports/object-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { ChatSession } from '../chats/chat-session.entity';
import { MediaFile } from '../media/media-file.entity';
import { findOwnPersona } from './find-own-persona';

/**
 * Deletes a persona: first what lives in other engines (its imported messages, its
 * chats' transcripts and event logs, its photos' bytes; no shared transaction), then the row and, by cascade,
 * its imports, profiles and chats. A crash in between leaves orphaned messages that a retry
 * removes; never the reverse.
 */
export async function deletePersona(deps: { em: EntityManager; transcripts: TranscriptStore; chatEvents: ChatEventLog; objects: ObjectStore }, ownerId: string, personaId: string): Promise<void> {
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  await deps.transcripts.deleteConversation(persona.id);
  const chats = await deps.em.find(ChatSession, { persona: persona.id }, { fields: ['id'] });
  for (const chat of chats) {
    await deps.transcripts.deleteConversation(chat.id);
    await deps.chatEvents.delete(chat.id);
  }
  // Its photos' bytes live in the object store; the rows go with the persona by cascade.
  for (const photo of await deps.em.find(MediaFile, { persona: persona.id }, { fields: ['objectKey'] })) await deps.objects.deletePrefix(photo.objectKey);
  await deps.em.remove(persona).flush();
}
