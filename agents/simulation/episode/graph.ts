import { END, START, StateGraph } from '@langchain/langgraph';
import { MAX_EVENTS_PER_EPISODE } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import type { SimulationDeps } from '../configuration';
import { injectEvent } from './nodes/inject-event';
import { partnerTurn } from './nodes/partner-turn';
import { scoreEpisode } from './nodes/score-episode';
import { setScene } from './nodes/set-scene';
import { stopEpisode } from './nodes/stop-episode';
import { userProxyTurn } from './nodes/user-proxy-turn';
import { EPISODE_ROUTES, routeTurn, type EpisodeStep, type RoutedNode } from './route-turn';
import { EpisodeGraphState, type EpisodeGraphStateType } from './state';
import { overBudget, type TokenMeter } from './token-meter';

/**
 * Steps one episode takes at most: set-scene, one per turn, one per injected event, the score.
 * LangGraph's recursion limit counts steps; the episode's own must allow all of them.
 */
export const episodeStepLimit = (maxTurns: number) => maxTurns + MAX_EVENTS_PER_EPISODE + 4;

/**
 * One episode, as a graph of its four agents:
 *
 *   START → set-scene (scenario-generator)
 *   set-scene, inject-event, user-proxy-turn, partner-turn → route-turn →
 *       inject-event (scenario-generator: time passes, an event happens)
 *     | user-proxy-turn | partner-turn (the two agents, alternating)
 *     | score-episode (analysis) → END          — max turns, both [END], stale turns
 *     | stop-episode → END                      — cancel, token budget
 *
 * The turn loop is these edges with counters in the state, so every turn is a step with its
 * own checkpoint. Compiled without a checkpointer of its own: invoked from the parent's
 * play-episode node it checkpoints into the run's thread, under that task's namespace, and
 * a resumed run continues the episode from its last checkpointed turn.
 */
export function createEpisodeGraph(deps: SimulationDeps, meter: TokenMeter) {
  const routeAfter = (node: RoutedNode) => (state: EpisodeGraphStateType): EpisodeStep => {
    const { step, why } = routeTurn(state, { overBudget: overBudget(deps, state.task, meter) });
    // A step missing from the node's edges is a bug in EPISODE_ROUTES: say so rather than let LangGraph fail vaguely.
    if (!EPISODE_ROUTES[node].includes(step)) throw new Error(`episode router: ${step} (${why}) after ${node} is not an edge of the episode graph`);
    return step;
  };
  return new StateGraph(EpisodeGraphState)
    .addNode('set-scene', (state) => setScene(deps, state, meter))
    .addNode('inject-event', (state) => injectEvent(deps, state))
    .addNode('user-proxy-turn', (state) => userProxyTurn(deps, state, meter))
    .addNode('partner-turn', (state) => partnerTurn(deps, state, meter))
    .addNode('score-episode', (state) => scoreEpisode(deps, state, meter))
    .addNode('stop-episode', (state) => stopEpisode(state))
    .addEdge(START, 'set-scene')
    .addConditionalEdges('set-scene', routeAfter('set-scene'), [...EPISODE_ROUTES['set-scene']])
    .addConditionalEdges('inject-event', routeAfter('inject-event'), [...EPISODE_ROUTES['inject-event']])
    .addConditionalEdges('user-proxy-turn', routeAfter('user-proxy-turn'), [...EPISODE_ROUTES['user-proxy-turn']])
    .addConditionalEdges('partner-turn', routeAfter('partner-turn'), [...EPISODE_ROUTES['partner-turn']])
    .addEdge('score-episode', END)
    .addEdge('stop-episode', END)
    .compile();
}
