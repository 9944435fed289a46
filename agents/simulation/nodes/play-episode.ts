import { scoreEpisode } from '../analysis/score-episode';
import { SCORING_RESERVE_TOKENS, STALE_LIMIT, type SimulationDeps } from '../configuration';
import { setupEpisode } from '../scenario-generator/setup-episode';
import type { EpisodeState, EpisodeTask, SimulationUpdate } from '../state';
import { takeTurn } from './take-turn';

/** Tokens spent by every episode of this invocation, shared by the parallel episodes for the budget. */
export interface TokenMeter {
  spent: number;
}

function finished(episode: EpisodeState): boolean {
  return (
    episode.turn >= episode.scenario.maxTurns ||
    (episode.endSignals.self && episode.endSignals.partner) ||
    episode.staleTurns >= STALE_LIMIT
  );
}

/**
 * One seeded episode, start to score: the scenario-generator sets it up, the two agents
 * take turns (loop capped by the scene's max turns; ends early on a natural end or stale
 * turns), then the analysis agent scores it. Before every turn the run checks for cancel
 * and budget; a stopped episode is not scored. Turns already in the transcript store (a
 * resumed run) are reused rather than generated again.
 */
export async function playEpisode(deps: SimulationDeps, task: EpisodeTask, meter: TokenMeter): Promise<SimulationUpdate> {
  let episode = await setupEpisode(deps, task.item, task.index);
  let tokens = 0;
  let costUsd = 0;
  const models: string[] = [];
  while (!finished(episode)) {
    if (await deps.isCancelled()) return { stopReason: 'cancelled', tokens, costUsd, models };
    if (task.tokensBefore + meter.spent + SCORING_RESERVE_TOKENS > deps.run.tokenBudget) return { stopReason: 'budget', tokens, costUsd, models };
    const turn = await takeTurn(deps, episode);
    episode = turn.episode;
    tokens += turn.tokens;
    costUsd += turn.costUsd;
    meter.spent += turn.tokens;
    models.push(...turn.models);
  }
  const { score, model } = await scoreEpisode(deps, episode, task.item);
  meter.spent += score.tokens;
  return { scores: [score], tokens: tokens + score.tokens, costUsd: costUsd + score.costUsd, models: [...models, model] };
}

