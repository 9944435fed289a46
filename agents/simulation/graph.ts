import { END, START, Send, StateGraph, type BaseCheckpointSaver, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { writeNarrative } from './analysis/write-narrative';
import type { SimulationDeps } from './configuration';
import { createEpisodeGraph, episodeStepLimit } from './episode/graph';
import { withLineWriter } from './episode/line-writer';
import type { TokenMeter } from './episode/token-meter';
import { planEpisodes } from './nodes/plan-episodes';
import { SimulationState, type EpisodeTask, type SimulationStateType, type SimulationUpdate } from './state';

/** Fans the plan out: one play-episode task per episode, or straight to the narrative when there is none. */
export function routeAfterPlan(state: SimulationStateType): Send[] | 'write-narrative' {
  if (state.plan.length === 0) return 'write-narrative';
  return state.plan.map((item, index) => new Send('play-episode', { item, index, tokensBefore: state.tokens } satisfies EpisodeTask));
}

/**
 * plan-episodes → play-episode × N (in parallel via Send, bounded by deps.episodeSlot) →
 * write-narrative. play-episode runs the episode subgraph (episode/graph.ts), which
 * checkpoints every turn into this thread. The graph ends with the scored episodes, the
 * narrative, tokens, models and any stop reason; src/domain builds the report from them.
 * Compiled with a checkpointer, a run resumes after a crash: finished episodes are kept,
 * unfinished ones continue from their last checkpointed turn.
 */
export function createSimulationGraph(domainDeps: SimulationDeps, options: { checkpointer?: BaseCheckpointSaver }) {
  const meter: TokenMeter = { spent: 0 };
  // Transcript lines and events are written in order behind the turns (episode/line-writer.ts).
  const { deps, lines } = withLineWriter(domainDeps);
  const episode = createEpisodeGraph(deps, meter);
  const playEpisode = (task: EpisodeTask, config: LangGraphRunnableConfig): Promise<SimulationUpdate> =>
    deps.episodeSlot(async () => {
      // The parent task's config carries the thread and this task's checkpoint namespace.
      const end = await episode.invoke({ task }, { ...config, recursionLimit: episodeStepLimit(deps.run.maxTurns) });
      // A resumed episode may have ended in its checkpoint before its last lines were stored.
      await lines.catchUp(end);
      // Played means stored: the report is built from the transcript once the graph ends.
      await lines.flush();
      return { scores: end.score ? [end.score] : [], tokens: end.tokens, costUsd: end.costUsd, models: end.models, ...(end.stopReason ? { stopReason: end.stopReason } : {}) };
    });
  return new StateGraph(SimulationState)
    .addNode('plan-episodes', () => planEpisodes(deps))
    // Send delivers an EpisodeTask, not the graph state, to this node.
    .addNode('play-episode', (task, config) => playEpisode(task as unknown as EpisodeTask, config))
    .addNode('write-narrative', (state) => writeNarrative(deps, state))
    .addEdge(START, 'plan-episodes')
    .addConditionalEdges('plan-episodes', routeAfterPlan, ['play-episode', 'write-narrative'])
    .addEdge('play-episode', 'write-narrative')
    .addEdge('write-narrative', END)
    .compile({ checkpointer: options.checkpointer });
}
