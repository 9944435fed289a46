import type { SimulationDeps } from '../../configuration';
import { eventsAt } from '../../scenario-generator/inject-events';
import type { Turn } from '../../state';
import { lineWriterOf } from '../line-writer';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from '../state';

/**
 * The scenario-generator advances time: the world's events scheduled before the next turn
 * (a late reply, a phone call, a friend's remark...) become narrator lines both agents see,
 * each stored and announced once (EVENT_INJECTED), by key, behind the lines before it (see
 * LineWriter).
 */
export async function injectEvent(deps: SimulationDeps, state: EpisodeGraphStateType): Promise<EpisodeGraphUpdate> {
  const next = state.turn + 1;
  const writer = lineWriterOf(deps);
  writer.check();
  const lines: Turn[] = [];
  if (deps.resumed) await writer.catchUp(state);
  for (const [i, event] of eventsAt(state.scenario!, next).entries()) {
    // A resumed run may have stored this event after its last checkpoint: keep that row.
    const stored = deps.resumed ? await deps.transcripts.findByDedupeKey(state.episodeId, `${next}:event:${i}`) : null;
    const line: Turn = { id: stored?.id ?? writer.newId(), turn: next, speaker: 'narrator', name: 'Narrator', text: stored?.text ?? event.text };
    lines.push(line);
    writer.queueLine({ episodeId: state.episodeId, scenario: state.scenario! }, line, [...state.turns, ...lines]);
  }
  return { turns: lines, eventsThrough: next };
}
