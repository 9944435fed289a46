import { Annotation } from '@langchain/langgraph';
import type { EpisodeScore } from '../../../src/kernel/simulation/dimensions';
import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { EpisodeState, EpisodeTask, Role, StopReason, Turn } from '../state';

const replace = <T>(_: T, next: T) => next;

/**
 * State of one episode subgraph. It is checkpointed after every node (so after every turn)
 * inside the run's thread, under the play-episode task's namespace: a resumed run continues
 * the episode from its last turn. Every field here must stay JSON-serialisable.
 */
export const EpisodeGraphState = Annotation.Root({
  /** The plan item this episode plays (from the parent's Send); set by the input, never changed. */
  task: Annotation<EpisodeTask>({ reducer: replace }),
  /** `${runId}:${templateId}:${episodeIndex}`: the transcript conversation id and the events' episodeId. Set by set-scene. */
  episodeId: Annotation<string>({ reducer: replace, default: () => '' }),
  /** The seeded scenario instance (setting, stakes, goals, events). Set by set-scene. */
  scenario: Annotation<ScenarioInstance | null>({ reducer: replace, default: () => null }),
  /** The shared scene both agents see, never a private goal. Set by set-scene. */
  scene: Annotation<string>({ reducer: replace, default: () => '' }),
  /** Where `scene` came from: the scenario-generator's model, or the template text when the model failed or leaked. */
  sceneSource: Annotation<'model' | 'template'>({ reducer: replace, default: () => 'template' }),
  /** Agent turns taken so far (the loop counter the router compares with scenario.maxTurns). */
  turn: Annotation<number>({ reducer: replace, default: () => 0 }),
  /** The shared transcript, appended to by inject-event and the two turn nodes. */
  turns: Annotation<Turn[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  /** Who speaks next; set-scene picks the opener, each agent turn hands over. */
  nextSpeaker: Annotation<Role>({ reducer: replace, default: () => 'self' }),
  /** The last turn number whose scheduled events were injected (0 = none yet). */
  eventsThrough: Annotation<number>({ reducer: replace, default: () => 0 }),
  /** Consecutive near-identical replies (reset by a fresh one). */
  staleTurns: Annotation<number>({ reducer: replace, default: () => 0 }),
  /** Each side has ended a message with [END]; once set, a side's signal stays set. */
  endSignals: Annotation<Record<Role, boolean>>({
    reducer: (current, next) => ({ self: current.self || next.self, partner: current.partner || next.partner }),
    default: () => ({ self: false, partner: false }),
  }),
  /** The user asked to cancel, as last read (the read runs alongside each model call, off the turn's critical path). */
  cancelRequested: Annotation<boolean>({ reducer: (current, next) => current || next, default: () => false }),
  /** Tokens this episode spent (turns, scene and score), summed. */
  tokens: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** USD this episode spent, summed. */
  costUsd: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  /** Models that answered in this episode, as a set. */
  models: Annotation<string[]>({ reducer: (all, more) => [...new Set([...all, ...more])], default: () => [] }),
  /** Set by stop-episode when the run is cancelled or out of budget: the episode ends unscored. */
  stopReason: Annotation<StopReason | null>({ reducer: replace, default: () => null }),
  /** The analysis agent's score; set by score-episode, the last node of a finished episode. */
  score: Annotation<EpisodeScore | null>({ reducer: replace, default: () => null }),
});

export type EpisodeGraphStateType = typeof EpisodeGraphState.State;
export type EpisodeGraphUpdate = typeof EpisodeGraphState.Update;

/** The played episode as the analysis agent reads it (after set-scene, scenario is set). */
export function playedEpisode(state: EpisodeGraphStateType): EpisodeState {
  if (!state.scenario) throw new Error(`episode ${state.episodeId || '(unset)'}: no scenario; set-scene has not run`);
  return {
    episodeId: state.episodeId,
    scenario: state.scenario,
    scene: state.scene,
    turn: state.turn,
    turns: state.turns,
    staleTurns: state.staleTurns,
    endSignals: state.endSignals,
  };
}
