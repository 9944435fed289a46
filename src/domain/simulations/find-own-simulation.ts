import type { EntityManager } from '@mikro-orm/postgresql';
import { findOwned, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { NotFoundError } from '../errors';
import { Simulation } from './simulation.entity';

export const SIMULATIONS: OwnedKind<Simulation> = {
  kind: ResourceKind.SIMULATION,
  entity: Simulation,
  ownerOf: (s) => s.owner.id,
  notFound: () => new NotFoundError('NOT_FOUND', 'Simulation not found'),
};

/** A simulation of the caller's (and its report); anyone else's (or a malformed id) is NOT_FOUND alike. */
export function findOwnSimulation(em: EntityManager, ownerId: string, simulationId: string): Promise<Simulation> {
  return findOwned(em, SIMULATIONS, ownerId, simulationId);
}
