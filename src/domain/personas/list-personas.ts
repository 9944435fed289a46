import type { EntityManager } from '@mikro-orm/postgresql';
import { Persona, type PersonaKind } from './persona.entity';

/** The caller's personas, newest first, optionally of one kind. */
export function listPersonas(em: EntityManager, ownerId: string, kind?: PersonaKind): Promise<Persona[]> {
  return em.find(Persona, { owner: ownerId, ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'desc' }, limit: 200 });
}
