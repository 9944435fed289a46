import type { SessionEvents } from '../domain/chats/session-events';

/** Resolves after the I/O callbacks of this turn of the event loop have run. */
const afterCurrentIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sends a reply's deltas as AI_CHUNK events in order. Deltas are merged into one event when
 * they arrive together: those read from the model in the same turn of the event loop (a busy
 * process reads several per socket read), and those that arrive while an append is on its
 * way. A slow log, a burst of tiny deltas or an overloaded process costs fewer events, never
 * reordering; an idle process still sends each delta on its own, one loop turn later.
 * `index` counts this reply's events.
 */
export class ChunkEmitter {
  private pending = '';
  private pushed = false;
  private inFlight: Promise<void> | undefined;
  private failure: Error | undefined;
  private index = 0;
  /** Everything emitted so far (what the user has seen). */
  sent = '';

  constructor(
    private readonly events: SessionEvents,
    private readonly replyId: string,
  ) {}

  /** Whether no text was pushed at all (sent or still pending). */
  get empty(): boolean {
    return !this.pushed;
  }

  push(text: string): void {
    if (!text) return;
    this.pushed = true;
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
      await afterCurrentIo();
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
