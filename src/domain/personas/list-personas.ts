import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { Persona, type PersonaKind } from './persona.entity';

/** The caller's personas, newest first, optionally of one kind; keyset pages on (createdAt, id). */
export function listPersonas(em: EntityManager, ownerId: string, kind: PersonaKind | undefined, page: PageRequest): Promise<Page<Persona>> {
  return findPage(em, Persona, { owner: ownerId, ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' } }, page, { keys: ['date', 'uuid'] });
}
