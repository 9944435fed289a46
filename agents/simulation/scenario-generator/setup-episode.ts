import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { SimulationDeps } from '../configuration';
import type { EpisodePlanItem, EpisodeState } from '../state';

/**
 * The scenario-generator sets up the next episode: concrete setting, stakes, tension, each
 * side's private goal and the events it will inject — all drawn from the episode's seed.
 */
export async function setupEpisode(deps: SimulationDeps, item: EpisodePlanItem, index: number): Promise<EpisodeState> {
  const template = deps.run.library.find((t) => t.id === item.templateId)!;
  const scenario = instantiateScenario(template, {
    seed: deps.run.seed,
    episodeIndex: item.episodeIndex,
    selfName: deps.run.self.name,
    partnerName: deps.run.partner.name,
    // The run's cap applies before events are scheduled, so none falls past the last turn.
    maxTurns: deps.run.maxTurns,
  });
  const episodeId = `${deps.run.id}:${item.templateId}:${item.episodeIndex}`;
  await deps.emit('EPISODE_STARTED', {
    episodeId,
    index,
    scenarioId: template.id,
    title: scenario.title,
    premise: scenario.premise,
    setting: scenario.setting,
    stakes: scenario.stakes,
    stressorIntensity: scenario.stressorIntensity,
  }, `${episodeId}:started`);
  return { episodeId, scenario, turn: 0, turns: [], staleTurns: 0, endSignals: { self: false, partner: false } };
}
