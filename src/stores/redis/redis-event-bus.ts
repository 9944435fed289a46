import type { Redis } from 'ioredis';
import type { EventBus } from '../../ports/event-bus.port';
import { AsyncQueue } from '../shared/async-queue';

const PREFIX = 'soullink:events:';

/**
 * Event bus over Redis pub/sub: one connection publishes, a dedicated one subscribes (a
 * subscribed Redis connection can do nothing else). One Redis channel per topic, shared by
 * every local subscriber of that topic.
 */
export class RedisEventBus implements EventBus {
  private readonly topics = new Map<string, Set<AsyncQueue<unknown>>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const topic = channel.toString().slice(PREFIX.length);
      const queues = this.topics.get(topic);
      if (!queues) return;
      const payload: unknown = JSON.parse(message.toString());
      for (const queue of queues) queue.push(payload);
    });
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    await this.publisher.publish(PREFIX + topic, JSON.stringify(payload));
  }

  async subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    let queues = this.topics.get(topic);
    const first = !queues;
    if (!queues) {
      queues = new Set();
      this.topics.set(topic, queues);
    }
    const set = queues;
    const queue: AsyncQueue<unknown> = new AsyncQueue(() => {
      set.delete(queue);
      if (set.size === 0 && this.topics.get(topic) === set) {
        this.topics.delete(topic);
        this.subscriber.unsubscribe(PREFIX + topic).catch(() => undefined);
      }
    });
    set.add(queue);
    if (first) await this.subscriber.subscribe(PREFIX + topic);
    return queue as AsyncQueue<T>;
  }

  async close(): Promise<void> {
    for (const set of this.topics.values()) for (const queue of [...set]) queue.end();
    this.topics.clear();
  }
}
