import { Annotation } from '@langchain/langgraph';
import type { CompatibilityReport } from '../../src/domain/simulations/report/compatibility-report';
import type { EpisodeScore } from '../../src/kernel/simulation/dimensions';
import type { ScenarioInstance } from '../../src/kernel/simulation/scenarios/instantiate-scenario';

export type Role = 'self' | 'partner';

/** One line of an episode's shared transcript (what both agents see). */
export interface Turn {
  /** Transcript message id (what scores cite). */
  id: string;
  turn: number;
  speaker: Role | 'narrator';
  name: string;
  text: string;
}

export interface EpisodePlanItem {
  templateId: string;
  episodeIndex: number;
}

/** An episode being played. Each agent's private goal lives in `scenario`, never in the shared turns. */
export interface EpisodeState {
  episodeId: string;
  scenario: ScenarioInstance;
  /** Turns taken so far: the turn loop's counter, capped by scenario.maxTurns. */
  turn: number;
  turns: Turn[];
  /** Consecutive near-identical replies. */
  staleTurns: number;
  /** Each side said the conversation reached its natural end. */
  endSignals: Record<Role, boolean>;
}

/** What play-episode receives through Send: one episode of the plan. */
export interface EpisodeTask {
  item: EpisodePlanItem;
  index: number;
  /** Tokens the run had spent when the episodes were fanned out (for the budget). */
  tokensBefore: number;
}

const replace = <T>(_: T, next: T) => next;

/** State of the compatibility simulation graph; one thread per run (thread_id = simulation id). */
export const SimulationState = Annotation.Root({
  /** Episodes to play, in order: scenarios × episodes per scenario. */
  plan: Annotation<EpisodePlanItem[]>({ reducer: replace, default: () => [] }),
  /** Scores of finished episodes, appended as they finish (episodes run in parallel). */
  scores: Annotation<EpisodeScore[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  /** Tokens spent so far (summed). */
  tokens: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** USD spent so far (summed). */
  costUsd: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** Models that answered. */
  models: Annotation<string[]>({ reducer: (all, more) => [...new Set([...all, ...more])], default: () => [] }),
  /** Why the run stopped early, if it did. */
  stopReason: Annotation<'cancelled' | 'budget' | null>({ reducer: replace, default: () => null }),
  report: Annotation<CompatibilityReport | null>({ reducer: replace, default: () => null }),
});

export type SimulationStateType = typeof SimulationState.State;
export type SimulationUpdate = typeof SimulationState.Update;
