import { SCORING_RESERVE_TOKENS, type SimulationDeps } from '../configuration';
import type { EpisodeTask } from '../state';

/**
 * Tokens spent by every episode of this invocation, shared by the parallel episodes so the
 * budget holds for the run, not per episode. In memory: after a resume it counts from zero
 * again, on top of what the parent state had when the episodes were fanned out.
 */
export interface TokenMeter {
  spent: number;
}

/** Another turn could take the run past its budget, keeping a reserve for scoring the episode. */
export const overBudget = (deps: SimulationDeps, task: EpisodeTask, meter: TokenMeter): boolean =>
  task.tokensBefore + meter.spent + SCORING_RESERVE_TOKENS > deps.run.tokenBudget;
