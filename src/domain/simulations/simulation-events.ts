import type { Logger } from '../../observability/logger';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { SimulationOutcome, SimulationRunStore } from '../../ports/simulation-run-store.port';
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

type EventDeps = { simulationRuns: SimulationRunStore; events: EventBus; clock: Clock; logger?: Logger };

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
  const at = deps.clock.now();
  const seq = await deps.simulationRuns.appendEvent(simulationId, { type, payload, key: key ?? null, at });
  // Lost a race with another writer of the same keyed event (it is logged already), or the run has ended.
  if (seq === undefined) return undefined;
  const message: SimulationEventMessage = { seq, type, payload, at: at.toISOString() };
  await publish(deps, simulationId, message);
  return message;
}

export type { SimulationOutcome };

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
  const at = deps.clock.now();
  const seq = await deps.simulationRuns.end(simulationId, { status, outcome, type, payload, at });
  if (seq === undefined) return false;
  await publish(deps, simulationId, { seq, type, payload, at: at.toISOString() });
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
