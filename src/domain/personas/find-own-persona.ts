import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotFoundError } from '../errors';
import { Persona } from './persona.entity';

/**
 * The one way to load a persona for a user: filtered by owner, so another user's persona,
 * a deleted one and a malformed id all answer PERSONA_NOT_FOUND alike.
 */
export async function findOwnPersona(em: EntityManager, ownerId: string, personaId: string): Promise<Persona> {
  const persona = z.uuid().safeParse(personaId).success ? await em.findOne(Persona, { id: personaId, owner: ownerId }) : null;
  if (!persona) throw new NotFoundError('PERSONA_NOT_FOUND', 'Persona not found');
  return persona;
}
