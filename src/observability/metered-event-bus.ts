import type { EventBus } from '../ports/event-bus.port';
import type { Metrics } from './metrics';

const SIMULATION_TOPIC = 'simulation:';
const RUN_OUTCOMES: Readonly<Record<string, string>> = { REPORT_READY: 'report_ready', FAILED: 'failed', CANCELLED: 'cancelled' };

/**
 * Counts simulation progress from the run events as they are published: each event is logged
 * once before it is published (appendSimulationEvent), so a resumed step that repeats a turn
 * is not counted twice. Reads only the event's type, never its content.
 */
export class MeteredEventBus implements EventBus {
  constructor(
    private readonly inner: EventBus,
    private readonly metrics: Metrics,
  ) {}

  async publish<T>(topic: string, payload: T): Promise<void> {
    await this.inner.publish(topic, payload);
    if (topic.startsWith(SIMULATION_TOPIC)) this.count((payload as { type?: unknown } | null)?.type);
  }

  subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    return this.inner.subscribe<T>(topic);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private count(type: unknown): void {
    if (type === 'TURN') this.metrics.simulationTurns.inc();
    else if (type === 'EPISODE_STARTED') this.metrics.simulationEpisodes.inc({ stage: 'started' });
    else if (type === 'EPISODE_SCORED') this.metrics.simulationEpisodes.inc({ stage: 'scored' });
    else if (typeof type === 'string' && RUN_OUTCOMES[type]) this.metrics.simulationRuns.inc({ outcome: RUN_OUTCOMES[type] });
  }
}
