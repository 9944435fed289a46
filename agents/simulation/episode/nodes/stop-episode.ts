import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';

/** The run was cancelled or ran out of budget: the episode ends here, unscored, and says why. */
export function stopEpisode(state: EpisodeGraphStateType): EpisodeGraphUpdate {
  return { stopReason: state.cancelRequested ? 'cancelled' : 'budget' };
}
