import type { EntityManager } from '@mikro-orm/postgresql';
import { findReadable, type Reader } from '../../access/find-owned';
import { findPage } from '../../pagination/find-page';
import { pageWindow, type Page, type PageRequest } from '../../pagination/page';
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

/** The same list a page at a time (keyset on version), for `personaProfiles`; the request is checked before the audited read. */
export async function pagePersonaProfiles(em: EntityManager, reader: Reader, personaId: string, page: PageRequest): Promise<Page<PersonaProfile>> {
  pageWindow(page, PROFILE_PAGES);
  const { row: persona } = await findReadable(em, PERSONAS, reader, personaId);
  return findPage(em, PersonaProfile, { persona: persona.id }, { orderBy: { version: 'desc' } }, page, PROFILE_PAGES);
}

/** A profile version is unique per persona, so it alone is the key. */
const PROFILE_PAGES = { keys: ['int'] } as const;
