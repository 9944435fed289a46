import { STALE_LIMIT } from '../configuration';
import type { EpisodeGraphStateType } from './state';

/** Where an episode goes after set-scene, an injected event or a turn. */
export type EpisodeStep = 'inject-event' | 'user-proxy-turn' | 'partner-turn' | 'score-episode' | 'stop-episode';

/** Why the router chose its step (for tests and logs; the step alone drives the graph). */
export type RouteReason =
  | 'cancelled'
  | 'budget'
  | 'max-turns'
  | 'natural-end'
  | 'stale'
  | 'event-due'
  | 'self-speaks'
  | 'partner-speaks';

export interface Route {
  step: EpisodeStep;
  why: RouteReason;
}

/** What the router reads outside the episode state: the run's shared token meter. */
export interface RouteSignals {
  /** The run would pass its token budget (keeping the scoring reserve) with another turn. */
  overBudget: boolean;
}

type RouteState = Pick<EpisodeGraphStateType, 'scenario' | 'turn' | 'endSignals' | 'staleTurns' | 'eventsThrough' | 'nextSpeaker' | 'cancelRequested'>;

/**
 * The episode's typed router, a pure function of the state. In order: a cancel or the
 * budget stops the episode unscored; max turns, both sides' [END] or stale turns end it
 * and it is scored; an event scheduled for the next turn is injected before that turn;
 * otherwise the agent whose turn it is speaks.
 */
export function routeTurn(state: RouteState, signals: RouteSignals): Route {
  if (!state.scenario) throw new Error('routeTurn: the episode has no scenario yet');
  if (state.cancelRequested) return { step: 'stop-episode', why: 'cancelled' };
  if (state.turn >= state.scenario.maxTurns) return { step: 'score-episode', why: 'max-turns' };
  if (state.endSignals.self && state.endSignals.partner) return { step: 'score-episode', why: 'natural-end' };
  if (state.staleTurns >= STALE_LIMIT) return { step: 'score-episode', why: 'stale' };
  // Budget after the endings: an episode that is over anyway is still scored (the reserve is for that).
  if (signals.overBudget) return { step: 'stop-episode', why: 'budget' };
  const next = state.turn + 1;
  if (state.eventsThrough < next && state.scenario.eventSchedule.some((e) => e.turn === next)) return { step: 'inject-event', why: 'event-due' };
  return state.nextSpeaker === 'self' ? { step: 'user-proxy-turn', why: 'self-speaks' } : { step: 'partner-turn', why: 'partner-speaks' };
}

/** The nodes the router runs after. */
export type RoutedNode = 'set-scene' | 'inject-event' | 'user-proxy-turn' | 'partner-turn';

/**
 * The steps the router can choose after each node (the conditional edges' targets), so the
 * drawn graph shows the real loop: no event opens a scene (events fall on turns 2…max−1), an
 * event is followed by a turn, and each agent hands over to the other. Any node may be
 * followed by stop-episode, since another episode's spending can exhaust the shared budget.
 */
export const EPISODE_ROUTES: Record<RoutedNode, readonly EpisodeStep[]> = {
  'set-scene': ['user-proxy-turn', 'partner-turn', 'inject-event', 'stop-episode'],
  'inject-event': ['user-proxy-turn', 'partner-turn', 'stop-episode'],
  'user-proxy-turn': ['partner-turn', 'inject-event', 'score-episode', 'stop-episode'],
  'partner-turn': ['user-proxy-turn', 'inject-event', 'score-episode', 'stop-episode'],
};
