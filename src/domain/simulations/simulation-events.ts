import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../observability/logger';
import type { EventBus } from '../../ports/event-bus.port';
import type { SimulationEventType } from './simulation-event.entity';
import type { SimulationStatus } from './simulation.entity';

/** An event as clients see it: numbered per simulation, in order. */
export interface SimulationEventMessage {
  seq: number;
  type: SimulationEventType;
  payload: Record<string, unknown>;
  at: string;
}

export const simulationTopic = (simulationId: string) => `simulation:${simulationId}`;
export const TERMINAL_EVENTS: ReadonlySet<SimulationEventType> = new Set(['REPORT_READY', 'FAILED', 'CANCELLED']);

type EventDeps = { orm: MikroORM; events: EventBus; logger?: Logger };

/**
 * Appends an event to the run's durable log, then publishes it. The seq comes from one
 * atomic UPDATE on the run's row, so events of a run are numbered without gaps or
 * collisions even across worker processes. A run that has ended takes no more events (a
 * second holder of a run whose lock broke cannot append after the terminal event).
 */
export async function appendSimulationEvent(
  deps: EventDeps,
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
       where id = ? and status in ('QUEUED', 'RUNNING') and (?::text is null or not exists (select 1 from simulation_events where simulation_id = ? and key = ?::text))
       returning event_seq)
     insert into simulation_events (simulation_id, seq, type, payload, key, created_at)
     select ?, event_seq, ?, ?, ?, ? from next on conflict (simulation_id, key) do nothing returning seq`,
    [simulationId, key ?? null, simulationId, key ?? null, simulationId, type, JSON.stringify(payload), key ?? null, at],
  );
  // Lost a race with another writer of the same keyed event (it is logged already), or the run has ended.
  if (rows.length === 0) return undefined;
  const message: SimulationEventMessage = { seq: Number(rows[0]!.seq), type, payload, at: at.toISOString() };
  await publish(deps, simulationId, message);
  return message;
}

/** What a run ends with besides its status (each left as it is when not given). */
export interface SimulationOutcome {
  report?: Record<string, unknown>;
  tokensUsed?: number;
  costUsd?: string;
  failureReason?: string;
}

/**
 * Ends a run: its status, outcome and terminal event written by one statement, so a run never
 * ends without its terminal event, nor is the event logged for a run still open (a worker
 * killed between two writes left one without the other). Only a run still QUEUED or RUNNING
 * ends: a second holder of a run whose lock broke cannot end it again or overwrite its
 * outcome (a COMPLETED run was turned FAILED, with two terminal events). Returns whether
 * this call ended it.
 */
export async function endSimulation(
  deps: EventDeps,
  simulationId: string,
  status: SimulationStatus,
  outcome: SimulationOutcome,
  type: SimulationEventType,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const at = new Date();
  const rows = await deps.orm.em.getConnection().execute<{ seq: number }[]>(
    `with ended as (
       update simulations
          set status = ?, finished_at = ?, event_seq = event_seq + 1,
              report = coalesce(?::jsonb, report), tokens_used = coalesce(?::int, tokens_used),
              cost_usd = coalesce(?::numeric, cost_usd), failure_reason = coalesce(?::text, failure_reason)
        where id = ? and status in ('QUEUED', 'RUNNING')
        returning event_seq)
     insert into simulation_events (simulation_id, seq, type, payload, key, created_at)
     select ?, event_seq, ?, ?, null, ? from ended returning seq`,
    [
      status,
      at,
      outcome.report === undefined ? null : JSON.stringify(outcome.report),
      outcome.tokensUsed ?? null,
      outcome.costUsd ?? null,
      outcome.failureReason ?? null,
      simulationId,
      simulationId,
      type,
      JSON.stringify(payload),
      at,
    ],
  );
  if (rows.length === 0) return false;
  await publish(deps, simulationId, { seq: Number(rows[0]!.seq), type, payload, at: at.toISOString() });
  return true;
}

/**
 * The event is logged already: a publish that fails (Redis unreachable) must not fail the run.
 * A subscriber that misses it reads it from the log (the stream fills gaps; a reconnect replays).
 */
async function publish(deps: EventDeps, simulationId: string, message: SimulationEventMessage): Promise<void> {
  try {
    await deps.events.publish(simulationTopic(simulationId), message);
  } catch (err) {
    deps.logger?.warn({ err: (err as Error).message, simulationId, seq: message.seq, type: message.type }, 'a run event was logged but could not be published');
  }
}
