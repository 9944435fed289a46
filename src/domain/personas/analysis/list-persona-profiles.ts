import type { EntityManager } from '@mikro-orm/postgresql';
import { findReadable, type Reader } from '../../access/find-owned';
import { PERSONAS } from '../find-own-persona';
import { PersonaProfile } from '../persona-profile.entity';

/**
 * Profile versions of a persona, newest first, for whoever may read the persona: its owner,
 * an analyst it was shared with (a PERSONA grant), an admin. A non-owner's read is audited as
 * a read, allowed or denied (access/find-owned.ts); anyone else gets PERSONA_NOT_FOUND.
 */
export async function listPersonaProfiles(em: EntityManager, reader: Reader, personaId: string): Promise<PersonaProfile[]> {
  const { row: persona } = await findReadable(em, PERSONAS, reader, personaId);
  return em.find(PersonaProfile, { persona: persona.id }, { orderBy: { version: 'desc' }, limit: 100 });
}
