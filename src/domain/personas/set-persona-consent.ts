import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import { findOwnPersona } from './find-own-persona';
import type { Persona } from './persona.entity';

/**
 * Records (or withdraws) the user's statement that they may use this person's messages to
 * build a simulation of them. Withdrawing stops further analysis and simulation.
 */
export async function setPersonaConsent(deps: { clock: Clock }, em: EntityManager, ownerId: string, personaId: string, given: boolean): Promise<Persona> {
  const persona = await findOwnPersona(em, ownerId, personaId);
  persona.consentGiven = given;
  persona.consentAt = given ? deps.clock.now() : null;
  await em.flush();
  return persona;
}
