import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotFoundError } from '../errors';
import { Simulation } from './simulation.entity';

/** A simulation of the caller's; anyone else's (or a malformed id) is NOT_FOUND alike. */
export async function findOwnSimulation(em: EntityManager, ownerId: string, simulationId: string): Promise<Simulation> {
  const simulation = z.uuid().safeParse(simulationId).success ? await em.findOne(Simulation, { id: simulationId, owner: ownerId }) : null;
  if (!simulation) throw new NotFoundError('NOT_FOUND', 'Simulation not found');
  return simulation;
}
