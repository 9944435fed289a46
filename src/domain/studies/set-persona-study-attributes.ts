import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import { findOwnPersona } from '../personas/find-own-persona';
import { ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { PersonaStudyAttributes } from './persona-study-attributes.entity';
import { personaStudyAttributesInput } from './study-input';

/**
 * Replaces the study attributes of one of the caller's personas (names as in a study
 * dataset's schema: "age", "interest_hiking", "category"…). An empty list clears them.
 */
export async function setPersonaStudyAttributes(deps: { clock: Clock }, em: EntityManager, ownerId: string, personaId: string, input: unknown): Promise<Record<string, number | string>> {
  const list = validateInput(personaStudyAttributesInput, input, 'attributes');
  const persona = await findOwnPersona(em, ownerId, personaId);
  const attributes: Record<string, number | string> = {};
  for (const a of list) {
    if (a.name in attributes) throw new ValidationError('attributes', `attributes: "${a.name}" is given twice`);
    attributes[a.name] = a.number ?? a.category!;
  }
  await em.upsert(PersonaStudyAttributes, { persona: persona.id, owner: ownerId, attributes, updatedAt: deps.clock.now() });
  return attributes;
}

/** The study attributes of one of the caller's personas ({} when none were set). */
export async function personaStudyAttributes(em: EntityManager, ownerId: string, personaId: string): Promise<Record<string, number | string>> {
  const persona = await findOwnPersona(em, ownerId, personaId);
  const row = await em.findOne(PersonaStudyAttributes, { persona: persona.id });
  return row?.attributes ?? {};
}
