import { selectScenarios } from '../../../src/kernel/simulation/scenarios/select-scenarios';
import type { SimulationDeps } from '../configuration';
import type { SimulationUpdate } from '../state';

/** Picks the scenarios (explicit ids, or a seeded sample) and lays out every seeded episode. */
export async function planEpisodes(deps: SimulationDeps): Promise<SimulationUpdate> {
  const { run } = deps;
  const templates = selectScenarios(run.library, { seed: run.seed, count: run.scenarioCount, ids: run.scenarioIds ?? undefined });
  const plan = templates.flatMap((t) => Array.from({ length: run.episodesPerScenario }, (_, episodeIndex) => ({ templateId: t.id, episodeIndex })));
  await deps.emit('STARTED', { episodes: plan.length, scenarios: templates.map((t) => ({ id: t.id, title: t.title })) }, 'started');
  return { plan };
}
