import { instantiateScenario } from '../../../../src/kernel/simulation/scenarios/instantiate-scenario';
import { UnknownScenarioError } from '../../../../src/kernel/simulation/scenarios/unknown-scenario.error';
import type { SimulationDeps } from '../../configuration';
import { writeScene } from '../../scenario-generator/write-scene';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';
import type { TokenMeter } from '../token-meter';

/**
 * The scenario-generator sets the episode up: the concrete setting, stakes, tension, each
 * side's private goal and the events it will inject, all drawn from the episode's seed; then
 * the model writes the shared scene from those parameters (the template's text when it
 * cannot). EPISODE_STARTED goes out once per episode, by key.
 */
export async function setScene(deps: SimulationDeps, state: EpisodeGraphStateType, meter: TokenMeter): Promise<EpisodeGraphUpdate> {
  const { item, index } = state.task;
  const template = deps.run.library.find((t) => t.id === item.templateId);
  // A custom scenario deleted while the run was queued or paused.
  if (!template) throw new UnknownScenarioError(item.templateId);
  const cancel = deps.isCancelled();
  cancel.catch(() => undefined);
  const scenario = instantiateScenario(template, {
    seed: deps.run.seed,
    episodeIndex: item.episodeIndex,
    selfName: deps.run.self.name,
    partnerName: deps.run.partner.name,
    // The run's cap applies before events are scheduled, so none falls past the last turn.
    maxTurns: deps.run.maxTurns,
  });
  const episodeId = `${deps.run.id}:${item.templateId}:${item.episodeIndex}`;
  await deps.emit(
    'EPISODE_STARTED',
    {
      episodeId,
      index,
      scenarioId: template.id,
      title: scenario.title,
      premise: scenario.premise,
      setting: scenario.setting,
      stakes: scenario.stakes,
      stressorIntensity: scenario.stressorIntensity,
    },
    `${episodeId}:started`,
  );
  const written = await writeScene(deps, scenario);
  meter.spent += written.tokens;
  return {
    episodeId,
    scenario,
    scene: written.scene,
    sceneSource: written.source,
    nextSpeaker: scenario.openingLine?.speaker ?? 'self',
    tokens: written.tokens,
    costUsd: written.costUsd,
    models: written.models,
    cancelRequested: await cancel,
  };
}
