import type { EntityManager } from '@mikro-orm/postgresql';
import { validateInput } from '../validate-input';
import { findOwnPersona } from './find-own-persona';
import type { Persona } from './persona.entity';
import { updatePersonaInput } from './persona-input';

/** Updates the given fields of the caller's persona; omitted fields stay as they are. */
export async function updatePersona(em: EntityManager, ownerId: string, personaId: string, input: unknown): Promise<Persona> {
  const data = validateInput(updatePersonaInput, input);
  const persona = await findOwnPersona(em, ownerId, personaId);
  em.assign(persona, Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)));
  await em.flush();
  return persona;
}
