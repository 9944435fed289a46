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
    const logged = await deps.em.find(SimulationEvent, { simulation: simulationId, seq: { $gt: afterSeq } }, { orderBy: { seq: 'asc' }, limit: 10_000 });
    for (const e of logged) {
      yield { seq: e.seq, type: e.type, payload: e.payload, at: e.createdAt.toISOString() };
      last = e.seq;
      if (TERMINAL_EVENTS.has(e.type)) return;
    }
    for await (const e of live) {
      if (e.seq <= last) continue;
      yield e;
      last = e.seq;
      if (TERMINAL_EVENTS.has(e.type)) return;
    }
  } finally {
    await live.return?.();
  }
}
