import type { EntityManager } from '@mikro-orm/postgresql';
import type { StoredCard } from '../simulations/report/report-validity';
import { MatchModel } from './match-model.entity';

/** Every match model the owner has kept, as a compatibility report weighs them for validity. */
export async function ownerValidityCards(em: EntityManager, ownerId: string): Promise<StoredCard[]> {
  const models = await em.find(MatchModel, { owner: ownerId }, { orderBy: { createdAt: 'desc' } });
  return models.map((m) => ({ id: m.id, name: m.name, version: m.version, card: m.card }));
}
