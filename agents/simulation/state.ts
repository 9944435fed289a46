import { Annotation } from '@langchain/langgraph';
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

/**
 * An episode as played so far: what the analysis agent scores. Each agent's private goal
 * lives in `scenario`, never in the shared turns or the shared scene.
 */
export interface EpisodeState {
  episodeId: string;
  scenario: ScenarioInstance;
  /** The shared scene both agents see (model-written, or the template's text); absent = the template's text. */
  scene?: string;
  /** Agent turns taken so far, capped by scenario.maxTurns. */
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

/** Why a run stopped before playing its whole plan. */
export type StopReason = 'cancelled' | 'budget';

/** Strengths, risks and recommendations the analysis agent writes from the scored episodes. */
export interface Narrative {
  strengths: string[];
  risks: string[];
  recommendations: string[];
}

const replace = <T>(_: T, next: T) => next;

/**
 * State of the compatibility simulation graph; one thread per run (thread_id = simulation id).
 * It ends with the scored episodes and the narrative: src/domain builds the report from them.
 */
export const SimulationState = Annotation.Root({
  /** Episodes to play, in order: scenarios × episodes per scenario. Written once by plan-episodes. */
  plan: Annotation<EpisodePlanItem[]>({ reducer: replace, default: () => [] }),
  /** Scores of finished episodes, appended as they finish (episodes run in parallel, in any order). */
  scores: Annotation<EpisodeScore[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  /** Tokens spent so far: every episode and the narrative add theirs. */
  tokens: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** USD spent so far, summed like tokens. */
  costUsd: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** Models that answered, as a set (parallel episodes report overlapping lists). */
  models: Annotation<string[]>({ reducer: (all, more) => [...new Set([...all, ...more])], default: () => [] }),
  /** Why the run stopped early, if it did; a later episode's null does not clear an earlier stop. */
  stopReason: Annotation<StopReason | null>({ reducer: (current, next) => next ?? current, default: () => null }),
  /** The analysis agent's narrative over the scored episodes (empty lists when nothing was scored). */
  narrative: Annotation<Narrative | null>({ reducer: replace, default: () => null }),
});

export type SimulationStateType = typeof SimulationState.State;
export type SimulationUpdate = typeof SimulationState.Update;
