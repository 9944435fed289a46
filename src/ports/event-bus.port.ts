/**
 * Publish/subscribe across every API and worker instance (Redis in production, in-process
 * for a single process). Subscriptions fan out to websocket clients.
 */
export interface EventBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  /** Events published after the call resolves. `return()` on the iterator unsubscribes. */
  subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>>;
  close(): Promise<void>;
}
