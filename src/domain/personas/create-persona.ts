import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity';
import { DomainError, QuotaExceededError } from '../errors';
import { limitsFor } from '../tiers';
import { validateInput } from '../validate-input';
import { createPersonaInput } from './persona-input';
import { Persona, PersonaKind } from './persona.entity';

/**
 * Creates a persona. One SELF persona per user; PARTNER personas up to the tier's limit.
 * The count and the insert share a transaction with the owner row locked, so two parallel
 * creates cannot both slip under the limit.
 */
export async function createPersona(em: EntityManager, owner: User, input: unknown): Promise<Persona> {
  const data = validateInput(createPersonaInput, input);
  return em.transactional(async (tx) => {
    await tx.getConnection().execute('select id from users where id = ? for update', [owner.id], 'all', tx.getTransactionContext());
    const existing = await tx.count(Persona, { owner: owner.id, kind: data.kind });
    if (data.kind === PersonaKind.SELF && existing > 0) {
      throw new DomainError('VALIDATION_FAILED', 'You already have a SELF persona; update it instead', { field: 'input.kind' });
    }
    const limit = limitsFor(owner.tier).partnerPersonas;
    if (data.kind === PersonaKind.PARTNER && limit !== null && existing >= limit) {
      throw new QuotaExceededError(`Your ${owner.tier} tier allows ${limit} partner personas`, { resource: 'partnerPersonas', limit });
    }
    const persona = tx.create(Persona, { ...data, owner: owner.id });
    await tx.flush();
    return persona;
  });
}
