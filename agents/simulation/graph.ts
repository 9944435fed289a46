import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { scoreEpisode } from './analysis/score-episode';
import { writeReport } from './analysis/write-report';
import { STALE_LIMIT, type SimulationDeps } from './configuration';
import { planEpisodes } from './nodes/plan-episodes';
import { takeTurn } from './nodes/take-turn';
import { setupEpisode } from './scenario-generator/setup-episode';
import { SimulationState, type SimulationStateType } from './state';

/** After a turn: keep talking, or score the episode (turn cap, natural end, stale) — or stop the run. */
export function routeAfterTurn(state: SimulationStateType): 'take-turn' | 'score-episode' | 'write-report' {
  const episode = state.episode!;
  // Cancel and budget stop before another model call: the unfinished episode is not scored.
  if (state.stopReason) return 'write-report';
  if (episode.turn >= episode.scenario.maxTurns) return 'score-episode';
  if (episode.endSignals.self && episode.endSignals.partner) return 'score-episode';
  if (episode.staleTurns >= STALE_LIMIT) return 'score-episode';
  return 'take-turn';
}

/** After scoring: the next episode (the cursor counts them), or the report. */
export function routeAfterScore(state: SimulationStateType): 'setup-episode' | 'write-report' {
  return state.episodeCursor < state.plan.length && !state.stopReason ? 'setup-episode' : 'write-report';
}

/**
 * plan-episodes → [setup-episode → take-turn (looped) → score-episode] × episodes →
 * write-report. Compiled with a checkpointer, a run resumes after a crash from its last
 * finished step (thread_id = simulation id).
 */
export function createSimulationGraph(deps: SimulationDeps, options: { checkpointer?: BaseCheckpointSaver; caveats: string[] }) {
  return new StateGraph(SimulationState)
    .addNode('plan-episodes', () => planEpisodes(deps))
    .addNode('setup-episode', (state) => setupEpisode(deps, state))
    .addNode('take-turn', (state) => takeTurn(deps, state))
    .addNode('score-episode', (state) => scoreEpisode(deps, state))
    .addNode('write-report', (state) => writeReport(deps, state, options.caveats))
    .addEdge(START, 'plan-episodes')
    .addConditionalEdges('plan-episodes', (state) => (state.plan.length > 0 ? 'setup-episode' : 'write-report'), ['setup-episode', 'write-report'])
    .addEdge('setup-episode', 'take-turn')
    .addConditionalEdges('take-turn', routeAfterTurn, ['take-turn', 'score-episode', 'write-report'])
    .addConditionalEdges('score-episode', routeAfterScore, ['setup-episode', 'write-report'])
    .addEdge('write-report', END)
    .compile({ checkpointer: options.checkpointer });
}
