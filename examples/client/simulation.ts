import {
  ClientReportSummaryDocument,
  SimulationDocument,
  SimulationEventsDocument,
  StartSimulationDocument,
  type ClientReportSummaryQuery,
  type SimulationEventsSubscription,
  type SimulationFieldsFragment,
  type StartSimulationInput,
} from '../../graphql/generated/graphql';
import type { LiveSocket } from './live-socket';
import type { Session } from './session';

export type SimulationEvent = SimulationEventsSubscription['simulationEvents'];
export type Simulation = SimulationFieldsFragment;
export type ReportSummary = NonNullable<ClientReportSummaryQuery['compatibilityReport']>;

export interface FinishedSimulation {
  simulation: Simulation;
  /** Null when the run ended before any episode was scored (failed, cancelled early). */
  report: ReportSummary | null;
}

/**
 * Starts a compatibility simulation, follows its events until the server ends the stream
 * (after REPORT_READY, FAILED or CANCELLED), then reads the final state and the typed report.
 */
export async function runSimulation(session: Session, live: LiveSocket, input: StartSimulationInput, onEvent: (event: SimulationEvent) => void): Promise<FinishedSimulation> {
  const { startSimulation } = await session.client.request(StartSimulationDocument, { input });
  const stream = live.follow(SimulationEventsDocument, { simulationId: startSimulation.simulation.id }, { seqOf: (r) => r.simulationEvents.seq, onEvent: (r) => onEvent(r.simulationEvents) });
  await stream.done;
  const { simulation } = await session.client.request(SimulationDocument, { id: startSimulation.simulation.id });
  const { compatibilityReport } = await session.client.request(ClientReportSummaryDocument, { simulationId: startSimulation.simulation.id });
  return { simulation, report: compatibilityReport ?? null };
}

/** One line per event, for a terminal. */
export function describeSimulationEvent(e: SimulationEvent): string {
  if (e.started) return `started: ${e.started.episodes} episodes in ${e.started.scenarios.map((s) => s.title).join(', ')}`;
  if (e.episodeStarted) return `episode ${e.episodeStarted.index + 1}: ${e.episodeStarted.title}`;
  if (e.turn) return `  ${e.turn.name}: ${e.turn.text}`;
  if (e.eventInjected) return `  (${e.eventInjected.text})`;
  if (e.episodeScored) return `episode scored (${e.episodeScored.turns} turns, ended by ${e.episodeScored.endedBy})`;
  if (e.ended) return `${e.type}: ${e.ended.status}${e.ended.message ? ` (${e.ended.message})` : ''}`;
  return e.type;
}
