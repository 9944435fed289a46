import type { EntityManager } from '@mikro-orm/postgresql';
import { Simulation, type SimulationStatus } from './simulation.entity';

/** The caller's simulations, newest first, optionally by status; pages capped at 100. */
export function listSimulations(
  em: EntityManager,
  ownerId: string,
  filter: { status?: SimulationStatus; partnerPersonaId?: string },
  page: { limit: number; offset: number },
): Promise<Simulation[]> {
  return em.find(
    Simulation,
    { owner: ownerId, ...(filter.status ? { status: filter.status } : {}), ...(filter.partnerPersonaId ? { partnerPersona: filter.partnerPersonaId } : {}) },
    { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(page.limit, 1), 100), offset: Math.max(page.offset, 0) },
  );
}
