import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../../ports/event-bus.port';
import type { SimulationEventType } from './simulation-event.entity';

/** An event as clients see it: numbered per simulation, in order. */
export interface SimulationEventMessage {
  seq: number;
  type: SimulationEventType;
  payload: Record<string, unknown>;
  at: string;
}

export const simulationTopic = (simulationId: string) => `simulation:${simulationId}`;
export const TERMINAL_EVENTS: ReadonlySet<SimulationEventType> = new Set(['REPORT_READY', 'FAILED', 'CANCELLED']);

/**
 * Appends an event to the run's durable log, then publishes it. The seq comes from one
 * atomic UPDATE on the run's row, so events of a run are numbered without gaps or
 * collisions even across worker processes.
 */
export async function appendSimulationEvent(
  deps: { orm: MikroORM; events: EventBus },
  simulationId: string,
  type: SimulationEventType,
  payload: Record<string, unknown>,
  /** Events with a key are logged once: a resumed step that emits again is ignored. */
  key?: string,
): Promise<SimulationEventMessage | undefined> {
  const conn = deps.orm.em.getConnection();
  const at = new Date();
  // One round trip: a keyed event already logged takes no seq (no gap), and a racing writer
  // of the same key loses on the unique (simulation_id, key).
  const rows = await conn.execute<{ seq: number }[]>(
    `with next as (
       update simulations set event_seq = event_seq + 1
       where id = ? and (?::text is null or not exists (select 1 from simulation_events where simulation_id = ? and key = ?::text))
       returning event_seq)
     insert into simulation_events (simulation_id, seq, type, payload, key, created_at)
     select ?, event_seq, ?, ?, ?, ? from next on conflict (simulation_id, key) do nothing returning seq`,
    [simulationId, key ?? null, simulationId, key ?? null, simulationId, type, JSON.stringify(payload), key ?? null, at],
  );
  // Lost a race with another writer of the same keyed event: it is logged already.
  if (rows.length === 0) return undefined;
  const message: SimulationEventMessage = { seq: Number(rows[0]!.seq), type, payload, at: at.toISOString() };
  await deps.events.publish(simulationTopic(simulationId), message);
  return message;
}
