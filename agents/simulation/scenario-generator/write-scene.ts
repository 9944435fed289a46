import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import { tag, type SimulationDeps } from '../configuration';
import { describeScene } from './describe-scene';
import { writeScenePrompt } from './prompts';
import { sceneSeed } from '../episode/model-seeds';
import { usableScene } from './usable-scene';

/** The prompt's own wording, facts left blank: what a usable scene must not echo. */
const INSTRUCTIONS = writeScenePrompt.render({ self: '', partner: '', title: '', premise: '', setting: '', stakes: '', tension: '' });

/** The cap on the scene's reply: room for two short sentences (see writeScene). */
export const SCENE_MAX_TOKENS = 72;

/** The scene the agents get, where it came from, and what writing it cost. */
export interface WrittenScene {
  scene: string;
  source: 'model' | 'template';
  tokens: number;
  costUsd: number;
  models: string[];
}

/**
 * The scenario-generator asks the model to write the episode's scene from its seeded
 * parameters (setting, stakes, tension), at temperature 0 with the episode's seed, so the
 * same seed gives the same scene wherever the model honours seeds (and the response cache
 * answers a repeat). The template's own text stands in when the model fails, or when its text
 * is unusable: empty, too long, or echoing the instructions. The scene is prefixed by the
 * template's facts, so both agents always get the setting and stakes verbatim.
 */
export async function writeScene(deps: SimulationDeps, scenario: ScenarioInstance): Promise<WrittenScene> {
  const template = describeScene(scenario);
  const { self, partner } = deps.run;
  const prompt = writeScenePrompt.render({
    self: self.name,
    partner: partner.name,
    title: scenario.title,
    premise: scenario.premise,
    setting: scenario.setting,
    stakes: scenario.stakes,
    tension: String(scenario.stressorIntensity),
  });
  let reply;
  try {
    reply = await deps.llm.chat({
      tier: 'chat',
      temperature: 0,
      seed: sceneSeed(scenario),
      // Two short sentences are ~50 tokens; on the offline model every token is ~0.1 s of
      // the episode's wall time (160 took 25–35 s), and a reply cut here is trimmed to its last
      // whole sentence (usableScene).
      maxTokens: SCENE_MAX_TOKENS,
      // The description is one paragraph: past a blank line TinyLlama goes on to script the chat ("Me: What's going on?").
      stop: ['\n\n'],
      messages: [{ role: 'user', content: prompt }],
      tag: tag(deps, 'scenario-generator', 'set-scene', writeScenePrompt),
    });
  } catch (err) {
    // The template's text is a complete scene: a model outage must not stop the episode.
    deps.warn({ err: (err as Error).message, scenarioId: scenario.templateId }, 'scene model failed; the template text sets the scene');
    return { scene: template, source: 'template', tokens: 0, costUsd: 0, models: [] };
  }
  const spent = { tokens: reply.usage.promptTokens + reply.usage.completionTokens, costUsd: deps.costOf(reply.model, reply.usage), models: reply.degraded ? [] : [reply.model] };
  const text = reply.degraded ? null : usableScene(reply.text, INSTRUCTIONS);
  return text ? { scene: `${template}\n${text}`, source: 'model', ...spent } : { scene: template, source: 'template', ...spent };
}
