import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity';
import { QuotaExceededError, ValidationError } from '../errors';
import { assertConsent } from '../personas/analysis/request-persona-analysis';
import { findOwnPersona } from '../personas/find-own-persona';
import { PersonaKind } from '../personas/persona.entity';
import { limitsFor } from '../tiers';
import { validateInput } from '../validate-input';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';
import { Simulation, SimulationStatus } from './simulation.entity';
import { startSimulationInput, type StartSimulationInput } from './simulation-input';

export const SIMULATION_JOB = 'simulation';

/**
 * Checks a simulation request without writing anything: both personas are the caller's and
 * of the right kind, consent is given for an imported partner, scenario ids exist, and the
 * tier allows that many episodes. Returns the normalised input.
 */
export async function checkSimulationRequest(em: EntityManager, owner: User, input: unknown, library: ScenarioTemplate[]): Promise<StartSimulationInput> {
  const data = validateInput(startSimulationInput, input);
  const self = await findOwnPersona(em, owner.id, data.selfPersonaId);
  const partner = await findOwnPersona(em, owner.id, data.partnerPersonaId);
  if (self.kind !== PersonaKind.SELF) throw new ValidationError('input.selfPersonaId', 'input.selfPersonaId: must be your SELF persona');
  if (partner.kind !== PersonaKind.PARTNER) throw new ValidationError('input.partnerPersonaId', 'input.partnerPersonaId: must be a PARTNER persona');
  assertConsent(partner);
  const unknown = data.scenarioIds?.find((id) => !library.some((t) => t.id === id));
  if (unknown) throw new ValidationError('input.scenarioIds', `input.scenarioIds: no scenario "${unknown}"`);
  const episodes = (data.scenarioIds?.length ?? data.scenarioCount) * data.episodesPerScenario;
  const limits = limitsFor(owner.tier);
  if (episodes > limits.episodesPerSimulation) {
    throw new QuotaExceededError(`Your ${owner.tier} tier allows ${limits.episodesPerSimulation} episodes per simulation`, {
      resource: 'episodesPerSimulation',
      limit: limits.episodesPerSimulation,
    });
  }
  return data;
}

/**
 * Queues a compatibility simulation. The concurrent-run limit is checked under the owner's
 * row lock, so parallel starts cannot exceed it.
 */
export async function startSimulation(
  deps: { em: EntityManager; enqueue: (simulationId: string) => Promise<void>; library: ScenarioTemplate[] },
  owner: User,
  input: unknown,
): Promise<Simulation> {
  const data = await checkSimulationRequest(deps.em, owner, input, deps.library);
  const simulation = await deps.em.transactional(async (tx) => {
    // The owner's row, locked (select … for update): parallel starts of one owner count their runs one after the other.
    await tx.findOne(User, { id: owner.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
    const active = await tx.count(Simulation, { owner: owner.id, status: { $in: [SimulationStatus.QUEUED, SimulationStatus.RUNNING] } });
    const limit = limitsFor(owner.tier).concurrentSimulations;
    if (active >= limit) {
      throw new QuotaExceededError(`Your ${owner.tier} tier runs ${limit} simulation(s) at a time`, { resource: 'concurrentSimulations', limit });
    }
    const created = tx.create(Simulation, {
      owner: owner.id,
      selfPersona: data.selfPersonaId,
      partnerPersona: data.partnerPersonaId,
      seed: data.seed ?? randomBytes(8).toString('hex'),
      scenarioIds: data.scenarioIds ?? null,
      scenarioCount: data.scenarioIds?.length ?? data.scenarioCount,
      episodesPerScenario: data.episodesPerScenario,
      maxTurns: data.maxTurns,
      tokenBudget: data.tokenBudget,
    });
    await tx.flush();
    return created;
  });
  try {
    await deps.enqueue(simulation.id);
  } catch (err) {
    // Without its job the run would sit QUEUED forever: take it back, then report the error.
    await deps.em.remove(simulation).flush();
    throw err;
  }
  return simulation;
}
