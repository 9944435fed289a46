import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { Simulation, type SimulationStatus } from './simulation.entity';

export const MAX_SIMULATION_PAGE = 100;

/** The caller's simulations, newest first, optionally by status or partner; keyset pages on (createdAt, id), at most 100. */
export function listSimulations(
  em: EntityManager,
  ownerId: string,
  filter: { status?: SimulationStatus | null; partnerPersonaId?: string | null },
  page: PageRequest,
): Promise<Page<Simulation>> {
  const where = { owner: ownerId, ...(filter.status ? { status: filter.status } : {}), ...(filter.partnerPersonaId ? { partnerPersona: filter.partnerPersonaId } : {}) };
  return findPage(em, Simulation, where, { orderBy: { createdAt: 'desc', id: 'desc' } }, page, { keys: ['date', 'uuid'], maxSize: MAX_SIMULATION_PAGE });
}
