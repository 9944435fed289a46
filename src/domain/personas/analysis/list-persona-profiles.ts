import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwnPersona } from '../find-own-persona';
import { PersonaProfile } from '../persona-profile.entity';

/** Profile versions of the caller's persona, newest first. */
export async function listPersonaProfiles(em: EntityManager, ownerId: string, personaId: string): Promise<PersonaProfile[]> {
  const persona = await findOwnPersona(em, ownerId, personaId);
  return em.find(PersonaProfile, { persona: persona.id }, { orderBy: { version: 'desc' }, limit: 100 });
}
