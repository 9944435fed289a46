import type { SimulationDeps } from '../../configuration';
import { eventsAt } from '../../scenario-generator/inject-events';
import { persistLine } from '../persist-line';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';

/**
 * The scenario-generator advances time: the world's events scheduled before the next turn
 * (a late reply, a phone call, a friend's remark...) become narrator lines both agents see,
 * each stored and announced once (EVENT_INJECTED), by key.
 */
export async function injectEvent(deps: SimulationDeps, state: EpisodeGraphStateType): Promise<EpisodeGraphUpdate> {
  const next = state.turn + 1;
  const lines = [];
  for (const [i, event] of eventsAt(state.scenario!, next).entries()) {
    const line = await persistLine(deps, state.episodeId, { turn: next, speaker: 'narrator', name: 'Narrator', text: event.text }, `${next}:event:${i}`);
    lines.push(line);
    await deps.emit('EVENT_INJECTED', { episodeId: state.episodeId, turn: next, kind: event.kind, text: event.text, messageId: line.id }, `${state.episodeId}:${next}:event:${i}`);
  }
  return { turns: lines, eventsThrough: next };
}
