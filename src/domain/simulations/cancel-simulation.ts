import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import { findOwnSimulation } from './find-own-simulation';
import { Simulation, SimulationStatus } from './simulation.entity';

const FINISHED = new Set([SimulationStatus.COMPLETED, SimulationStatus.PARTIAL, SimulationStatus.CANCELLED, SimulationStatus.FAILED]);

/**
 * Asks a run to stop. The running graph checks before every step, so it stops within one
 * step; a queued run is cancelled when its job starts. Idempotent.
 */
export async function cancelSimulation(deps: { clock: Clock }, em: EntityManager, ownerId: string, simulationId: string): Promise<Simulation> {
  const simulation = await findOwnSimulation(em, ownerId, simulationId);
  if (!FINISHED.has(simulation.status) && !simulation.cancelRequestedAt) {
    simulation.cancelRequestedAt = deps.clock.now();
    await em.flush();
  }
  return simulation;
}
