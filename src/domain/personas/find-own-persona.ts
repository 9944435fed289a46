import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwned, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { NotFoundError } from '../errors';
import { Persona } from './persona.entity';

export const PERSONAS: OwnedKind<Persona> = {
  kind: ResourceKind.PERSONA,
  entity: Persona,
  ownerOf: (p) => p.owner.id,
  notFound: () => new NotFoundError('PERSONA_NOT_FOUND', 'Persona not found'),
};

/**
 * The one way to load a persona for a user: another user's persona, a deleted one and a
 * malformed id all answer PERSONA_NOT_FOUND alike (see access/find-owned.ts).
 */
export function findOwnPersona(em: EntityManager, ownerId: string, personaId: string): Promise<Persona> {
  return findOwned(em, PERSONAS, ownerId, personaId);
}
