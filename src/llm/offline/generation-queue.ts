/** Thrown when more generations are waiting than the queue admits. */
export class GenerationQueueFullError extends Error {
  constructor(limit: number) {
    super(`The offline model is busy: ${limit} requests are already waiting`);
    this.name = 'GenerationQueueFullError';
  }
}

/**
 * Runs tasks one at a time in arrival order. A llama.cpp context sequence generates one reply at
 * a time; concurrent requests wait their turn here, and past `maxWaiting` they are refused
 * instead of piling up without bound.
 */
export class GenerationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting: number) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) return Promise.reject(new GenerationQueueFullError(this.maxWaiting));
    this.waiting += 1;
    const result = this.tail.then(
      () => {
        this.waiting -= 1;
        return task();
      },
      () => {
        this.waiting -= 1;
        return task();
      },
    );
    // The next task starts after this one settles, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when everything queued so far has finished. */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
