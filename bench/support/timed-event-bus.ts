import type { EventBus } from '../../src/ports/event-bus.port';

/** One published message and when publish() was called (performance.now() ms). */
export interface PublishedEvent {
  at: number;
  topic: string;
  payload: unknown;
}

/** An EventBus decorator that notes when each message is published, then passes it on. */
export class TimedEventBus implements EventBus {
  readonly published: PublishedEvent[] = [];

  constructor(private readonly inner: EventBus) {}

  publish<T>(topic: string, payload: T): Promise<void> {
    this.published.push({ at: performance.now(), topic, payload });
    return this.inner.publish(topic, payload);
  }

  subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    return this.inner.subscribe<T>(topic);
  }

  /** The inner bus belongs to the app, which closes it. */
  async close(): Promise<void> {}
}
