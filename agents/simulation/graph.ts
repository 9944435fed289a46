import { END, START, Send, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { writeReport } from './analysis/write-report';
import type { SimulationDeps } from './configuration';
import { planEpisodes } from './nodes/plan-episodes';
import { playEpisode, type TokenMeter } from './nodes/play-episode';
import { SimulationState, type EpisodeTask, type SimulationStateType } from './state';

/** Fans the plan out: one play-episode task per episode, or straight to the report when there is none. */
export function routeAfterPlan(state: SimulationStateType): Send[] | 'write-report' {
  if (state.plan.length === 0) return 'write-report';
  return state.plan.map((item, index) => new Send('play-episode', { item, index, tokensBefore: state.tokens } satisfies EpisodeTask));
}

/**
 * plan-episodes → play-episode × N (in parallel, bounded by deps.episodeSlot) →
 * write-report. Compiled with a checkpointer, a run resumes after a crash: finished
 * episodes are kept, unfinished ones replay their stored turns and continue.
 */
export function createSimulationGraph(deps: SimulationDeps, options: { checkpointer?: BaseCheckpointSaver; caveats: string[] }) {
  const meter: TokenMeter = { spent: 0 };
  return new StateGraph(SimulationState)
    .addNode('plan-episodes', () => planEpisodes(deps))
    // Send delivers an EpisodeTask, not the graph state, to this node.
    .addNode('play-episode', (task) => deps.episodeSlot(() => playEpisode(deps, task as unknown as EpisodeTask, meter)))
    .addNode('write-report', (state) => writeReport(deps, state, options.caveats))
    .addEdge(START, 'plan-episodes')
    .addConditionalEdges('plan-episodes', routeAfterPlan, ['play-episode', 'write-report'])
    .addEdge('play-episode', 'write-report')
    .addEdge('write-report', END)
    .compile({ checkpointer: options.checkpointer });
}
