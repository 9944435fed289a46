import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../ports/event-bus.port';
import { SimulationEvent } from './simulation-event.entity';
import { TERMINAL_EVENTS, simulationTopic, type SimulationEventMessage } from './simulation-events';

/**
 * A run's events after `afterSeq`: what the durable log already holds, then live events,
 * each exactly once and in order. Subscribing to live events first and then reading the
 * log closes the gap between the two; seqs already delivered are skipped. Ends after the
 * terminal event (REPORT_READY, FAILED, CANCELLED).
 */
export async function* simulationEventStream(
  deps: { em: EntityManager; events: EventBus },
  simulationId: string,
  afterSeq: number,
): AsyncGenerator<SimulationEventMessage> {
  const live = await deps.events.subscribe<SimulationEventMessage>(simulationTopic(simulationId));
  try {
    let last = afterSeq;
    const fromLog = (after: number, before?: number) =>
      deps.em.find(SimulationEvent, { simulation: simulationId, seq: before === undefined ? { $gt: after } : { $gt: after, $lt: before } }, { orderBy: { seq: 'asc' }, limit: 10_000 });
    for (const e of await fromLog(afterSeq)) {
      yield { seq: e.seq, type: e.type, payload: e.payload, at: e.createdAt.toISOString() };
      last = e.seq;
      if (TERMINAL_EVENTS.has(e.type)) return;
    }
    // A replay from at or past a finished run's last event: nothing is left to send and nothing
    // live will come, so the stream ends now instead of waiting forever.
    if ((await deps.em.count(SimulationEvent, { simulation: simulationId, seq: { $lte: last }, type: { $in: [...TERMINAL_EVENTS] } })) > 0) return;
    for await (const e of live) {
      if (e.seq <= last) continue;
      if (e.seq > last + 1) {
        // A gap: an event was logged but never published (its writer died between the two,
        // and a resumed run does not log a keyed event twice). The log has it.
        for (const missed of await fromLog(last, e.seq)) {
          yield { seq: missed.seq, type: missed.type, payload: missed.payload, at: missed.createdAt.toISOString() };
          last = missed.seq;
        }
      }
      yield e;
      last = e.seq;
      if (TERMINAL_EVENTS.has(e.type)) return;
    }
  } finally {
    await live.return?.();
  }
}
