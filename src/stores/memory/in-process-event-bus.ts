import type { EventBus } from '../../ports/event-bus.port';
import { AsyncQueue } from '../shared/async-queue';

/** Event bus for a single process (the embedded default when REDIS_URL is unset). */
export class InProcessEventBus implements EventBus {
  private readonly topics = new Map<string, Set<AsyncQueue<unknown>>>();

  async publish<T>(topic: string, payload: T): Promise<void> {
    // Structured clone keeps delivery semantics equal to Redis (subscribers get copies).
    const subscribers = this.topics.get(topic);
    if (!subscribers) return;
    for (const queue of subscribers) queue.push(structuredClone(payload));
  }

  async subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    let subscribers = this.topics.get(topic);
    if (!subscribers) {
      subscribers = new Set();
      this.topics.set(topic, subscribers);
    }
    const set = subscribers;
    const queue: AsyncQueue<unknown> = new AsyncQueue(() => {
      set.delete(queue);
      if (set.size === 0) this.topics.delete(topic);
    });
    set.add(queue);
    return queue as AsyncQueue<T>;
  }

  async close(): Promise<void> {
    for (const set of this.topics.values()) for (const queue of [...set]) queue.end();
    this.topics.clear();
  }
}
