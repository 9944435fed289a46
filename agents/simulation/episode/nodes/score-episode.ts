import type { SimulationDeps } from '../../configuration';
import { scoreEpisode as judgeEpisode } from '../../analysis/score-episode';
import { playedEpisode, type EpisodeGraphStateType, type EpisodeGraphUpdate } from '../state';
import type { TokenMeter } from '../token-meter';

/** The analysis agent scores the finished episode (EPISODE_SCORED goes out once, by key). */
export async function scoreEpisode(deps: SimulationDeps, state: EpisodeGraphStateType, meter: TokenMeter): Promise<EpisodeGraphUpdate> {
  const { score, model } = await judgeEpisode(deps, playedEpisode(state), state.task.item);
  meter.spent += score.tokens;
  return { score, tokens: score.tokens, costUsd: score.costUsd, models: [model] };
}
