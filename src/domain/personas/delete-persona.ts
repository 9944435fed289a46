import type { EntityManager } from '@mikro-orm/postgresql';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { findOwnPersona } from './find-own-persona';

/**
 * Deletes a persona: first its imported messages in the transcript store (another engine,
 * so no shared transaction), then the row and, by cascade, its imports and profiles.
 * A crash between the two leaves orphaned messages that a retry removes; never the reverse.
 */
export async function deletePersona(deps: { em: EntityManager; transcripts: TranscriptStore }, ownerId: string, personaId: string): Promise<void> {
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  await deps.transcripts.deleteConversation(persona.id);
  await deps.em.remove(persona).flush();
}
