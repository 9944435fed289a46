import type { SessionEvents } from './session-events';

/**
 * Sends a reply's deltas as AI_CHUNK events in order. While one append is on its way, the
 * deltas that arrive meanwhile are merged into the next event: a slow log or a burst of
 * tiny deltas costs fewer events, never reordering. `index` counts this reply's events.
 */
export class ChunkEmitter {
  private pending = '';
  private inFlight: Promise<void> | undefined;
  private failure: Error | undefined;
  private index = 0;
  /** Everything emitted so far (what the user has seen). */
  sent = '';

  constructor(
    private readonly events: SessionEvents,
    private readonly replyId: string,
  ) {}

  push(text: string): void {
    if (!text) return;
    this.pending += text;
    this.inFlight ??= this.drain();
  }

  /** Resolves once every pushed delta is in the log; rethrows a failed append. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending && !this.failure) {
        const text = this.pending;
        this.pending = '';
        const index = this.index++;
        await this.events.append([{ type: 'AI_CHUNK', payload: { replyId: this.replyId, index, text } }]);
        this.sent += text;
      }
    } catch (err) {
      this.failure = err as Error;
    } finally {
      this.inFlight = undefined;
    }
  }
}
