import type { LlmSettings } from '../../llm/llm-settings';
import { costUsd } from '../../llm/usage/cost';
import type { StartSimulationInput } from './simulation-input';

export interface SimulationEstimate {
  episodes: number;
  turns: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: number;
}

// Rough sizes from the prompts: a turn sees the persona prompt plus a growing transcript.
const TURN_PROMPT_BASE = 700;
const TURN_PROMPT_PER_PRIOR_TURN = 45;
const TURN_COMPLETION = 60;
// The scenario-generator writes each episode's scene once (a short prompt, a few sentences back).
const SCENE_PROMPT = 250;
const SCENE_COMPLETION = 90;
const SCORE_PROMPT_BASE = 900;
const SCORE_COMPLETION = 900;
const REPORT_TOKENS = { prompt: 400, perEpisode: 250, completion: 600 };

/**
 * A cost preview before anything runs: tokens by kind and USD at the configured prices of
 * each tier's first model. An estimate — real replies vary in length, and runs that end
 * naturally use fewer turns.
 */
export function estimateSimulation(input: StartSimulationInput, settings: Pick<LlmSettings, 'tiers' | 'prices'>): SimulationEstimate {
  const scenarios = input.scenarioIds?.length ?? input.scenarioCount;
  const episodes = scenarios * input.episodesPerScenario;
  const turns = episodes * input.maxTurns;
  const perEpisodeTurnPrompt = Array.from({ length: input.maxTurns }, (_, i) => TURN_PROMPT_BASE + i * TURN_PROMPT_PER_PRIOR_TURN).reduce((a, b) => a + b, 0);
  const chat = { prompt: episodes * (perEpisodeTurnPrompt + SCENE_PROMPT), completion: turns * TURN_COMPLETION + episodes * SCENE_COMPLETION };
  const deep = {
    prompt: episodes * (SCORE_PROMPT_BASE + input.maxTurns * TURN_COMPLETION) + REPORT_TOKENS.prompt + episodes * REPORT_TOKENS.perEpisode,
    completion: episodes * SCORE_COMPLETION + REPORT_TOKENS.completion,
  };
  const chatModel = settings.tiers.chat[0]!.model;
  const deepModel = settings.tiers.deep[0]!.model;
  const cost = costUsd(settings.prices, chatModel, chat.prompt, chat.completion) + costUsd(settings.prices, deepModel, deep.prompt, deep.completion);
  const promptTokens = chat.prompt + deep.prompt;
  const completionTokens = chat.completion + deep.completion;
  return { episodes, turns, promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, costUsd: Math.round(cost * 1e6) / 1e6 };
}
