import { assertNewChatEvents, assertSeq, eventsTrimmed, isEventsTrimmed, type ChatEvent, type ChatEventLog, type NewChatEvent } from '../../ports/chat-event-log.port';
import { withTimeout } from '../shared/with-timeout';

export interface FailoverChatEventLogOptions {
  /** How long a primary call may take before the fallback serves it. Default 500. */
  timeoutMs?: number;
  /** Told about each primary failure the wrapper works around (the caller logs it). */
  onFailover?: (err: Error) => void;
  /** After a primary failure: how long appends skip it, and how often a stream re-opens it. Default 1000. */
  retryMs?: number;
  /** How long a merged stream waits for a missing seq from the other log before it announces EVENTS_TRIMMED. Default 250. */
  gapWaitMs?: number;
  /** Sessions whose highest seq is remembered. Default 10,000. */
  maxSessions?: number;
}

type Settings = Required<FailoverChatEventLogOptions>;

interface SessionState {
  /** The highest seq either log gave this session through this wrapper. */
  highest: number;
  /** Appends of one session run one after another, so a failover cannot hand out a seq twice. */
  tail: Promise<void>;
}

const settle = () => undefined;

/**
 * Keeps the chat going when Redis dies mid-chat: appends go to the primary log and, while it
 * fails, to the fallback (this process), always above the highest seq seen so seqs never go
 * back; streams read both logs and yield each seq once, in order.
 * Caveat: what the fallback holds is seen only by streams in this process.
 */
export class FailoverChatEventLog implements ChatEventLog {
  /** In least-recently-used order. */
  private readonly sessions = new Map<string, SessionState>();
  private readonly streams = new Set<MergedChatEventStream>();
  private readonly settings: Settings;
  /** Until then appends skip the primary (it just failed). */
  private primaryRetryAt = 0;

  constructor(
    private readonly primary: ChatEventLog,
    private readonly fallback: ChatEventLog,
    options: FailoverChatEventLogOptions = {},
  ) {
    this.settings = {
      timeoutMs: options.timeoutMs ?? 500,
      onFailover: options.onFailover ?? (() => undefined),
      retryMs: options.retryMs ?? 1000,
      gapWaitMs: options.gapWaitMs ?? 250,
      maxSessions: options.maxSessions ?? 10_000,
    };
  }

  async append(sessionId: string, events: NewChatEvent[], options: { minSeq?: number } = {}): Promise<ChatEvent[]> {
    // Bad input is the caller's bug, not an outage: reject it before any failover.
    assertSeq(options.minSeq ?? 0, 'minSeq');
    assertNewChatEvents(events);
    const state = this.state(sessionId);
    const result = state.tail.then(() => this.appendNow(sessionId, state, events, options.minSeq ?? 0));
    state.tail = result.then(settle, settle); // the caller gets the error from `result`
    return result;
  }

  async stream(sessionId: string, afterSeq: number): Promise<AsyncIterableIterator<ChatEvent>> {
    assertSeq(afterSeq, 'afterSeq');
    const stream = new MergedChatEventStream(sessionId, afterSeq, [this.primary, this.fallback], this.settings, () => this.streams.delete(stream));
    this.streams.add(stream);
    await stream.open();
    return stream;
  }

  async lastSeq(sessionId: string): Promise<number> {
    const askPrimary = Date.now() >= this.primaryRetryAt;
    const [primary, fallback] = await Promise.allSettled([
      askPrimary ? withTimeout(this.primary.lastSeq(sessionId), this.settings.timeoutMs) : 0,
      this.fallback.lastSeq(sessionId),
    ]);
    if (fallback.status === 'rejected') throw fallback.reason;
    if (primary.status === 'rejected') this.primaryFailed(primary.reason);
    const seen = this.sessions.get(sessionId)?.highest ?? 0;
    return Math.max(seen, fallback.value, primary.status === 'fulfilled' ? primary.value : 0);
  }

  async delete(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    await both([withTimeout(this.primary.delete(sessionId), this.settings.timeoutMs), this.fallback.delete(sessionId)]);
  }

  async close(): Promise<void> {
    this.sessions.clear();
    await both([...[...this.streams].map((stream) => stream.return()), this.primary.close(), this.fallback.close()]);
  }

  private async appendNow(sessionId: string, state: SessionState, events: NewChatEvent[], requestedMinSeq: number): Promise<ChatEvent[]> {
    const minSeq = Math.max(requestedMinSeq, state.highest);
    let stored: ChatEvent[] | undefined;
    if (Date.now() >= this.primaryRetryAt) {
      const attempt = this.primary.append(sessionId, events, { minSeq });
      try {
        stored = await withTimeout(attempt, this.settings.timeoutMs);
      } catch (err) {
        // A late success still used its seqs: stay above them. (A failure was seen just now.)
        attempt.then((late) => noteHighest(state, late), settle);
        this.primaryFailed(err);
      }
    }
    // With one writer per session, a late primary success gives these events the seqs they get
    // here, so a stream that sees both copies yields them once.
    stored ??= await this.fallback.append(sessionId, events, { minSeq });
    noteHighest(state, stored);
    return stored;
  }

  private primaryFailed(err: unknown): void {
    this.primaryRetryAt = Date.now() + this.settings.retryMs;
    this.settings.onFailover(asError(err));
  }

  private state(sessionId: string): SessionState {
    const state = this.sessions.get(sessionId) ?? { highest: 0, tail: Promise.resolve() };
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, state);
    if (this.sessions.size > this.settings.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    return state;
  }
}

function noteHighest(state: SessionState, stored: ChatEvent[]): void {
  if (stored.length > 0) state.highest = Math.max(state.highest, stored[stored.length - 1].seq);
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** Waits for every operation and rethrows the first failure, so one log's outage does not stop the other's work. */
async function both(operations: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(operations)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** One of the two logs a merged stream reads. */
interface Source {
  log: ChatEventLog;
  it?: AsyncIterableIterator<ChatEvent>;
  pulling: boolean;
  /** The highest seq it yielded: it never yields a lower one. */
  position: number;
  /** Failing since its last success (report an outage once, not at every retry). */
  failing: boolean;
  retry?: NodeJS.Timeout;
}

const DONE: IteratorResult<ChatEvent> = { value: undefined, done: true };
/** Events read ahead of the consumer; sources are not pulled beyond it, so a slow consumer stays bounded. */
const READ_AHEAD = 64;

/**
 * Reads both logs at once. An event that does not follow on waits (at most gapWaitMs) for the
 * missing seqs from the other log; then the hole is announced as EVENTS_TRIMMED. A source
 * that fails is re-opened every retryMs after the last seq delivered, while this is open.
 */
class MergedChatEventStream implements AsyncIterableIterator<ChatEvent> {
  private readonly sources: Source[];
  private ready: ChatEvent[] = [];
  private head = 0;
  /** Events beyond a hole, by seq. */
  private readonly held = new Map<number, ChatEvent>();
  private waiting: ((result: IteratorResult<ChatEvent>) => void) | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  /** `last` when the gap timer started: a later hole gets its own full wait. */
  private gapAfter = -1;
  private ended = false;

  constructor(
    private readonly sessionId: string,
    /** The last seq delivered (or queued for delivery). */
    private last: number,
    logs: ChatEventLog[],
    private readonly settings: Settings,
    private readonly onEnd: () => void,
  ) {
    this.sources = logs.map((log) => ({ log, pulling: false, position: last, failing: false }));
  }

  /** Opens both sources; fails only when neither opens. */
  async open(): Promise<void> {
    const failures = await Promise.all(this.sources.map((source) => this.connect(source)));
    if (failures.some((failure) => failure === undefined)) return;
    await this.return();
    throw new AggregateError(failures, `neither chat event log could open a stream of session ${this.sessionId}`);
  }

  next(): Promise<IteratorResult<ChatEvent>> {
    if (this.head < this.ready.length) {
      const value = this.ready[this.head++];
      if (this.head === this.ready.length) [this.ready, this.head] = [[], 0];
      this.pullAll();
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.pullAll();
    });
  }

  async return(): Promise<IteratorResult<ChatEvent>> {
    if (this.ended) return DONE;
    this.ended = true;
    [this.ready, this.head] = [[], 0];
    this.held.clear();
    clearTimeout(this.gapTimer);
    this.onEnd();
    const closing: Promise<unknown>[] = [];
    for (const source of this.sources) {
      clearTimeout(source.retry);
      if (source.it?.return) closing.push(source.it.return());
      source.it = undefined;
    }
    this.waiting?.(DONE);
    this.waiting = undefined;
    await both(closing);
    return DONE;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }

  /** Resolves to the error when the source could not be opened (a retry is then scheduled). */
  private async connect(source: Source): Promise<Error | undefined> {
    // Async, so a log that throws at once fails like one that rejects.
    const opening = (async () => source.log.stream(this.sessionId, this.last))();
    let it: AsyncIterableIterator<ChatEvent>;
    try {
      it = await withTimeout(opening, this.settings.timeoutMs);
    } catch (err) {
      // A stream that opens after the timeout is not wanted any more. (A failure was seen just now.)
      opening.then((late) => this.discard(late), settle);
      this.fail(source, asError(err));
      return asError(err);
    }
    if (this.ended) {
      this.discard(it);
      return undefined;
    }
    source.it = it;
    source.position = this.last;
    source.failing = false;
    this.pull(source);
    return undefined;
  }

  private discard(it: AsyncIterableIterator<ChatEvent>): void {
    it.return?.().catch((err: unknown) => this.settings.onFailover(asError(err)));
  }

  private end(): void {
    this.return().catch((err: unknown) => this.settings.onFailover(asError(err)));
  }

  private fail(source: Source, err: Error): void {
    source.it = undefined;
    if (!source.failing) this.settings.onFailover(err);
    source.failing = true;
    if (this.ended) return;
    source.retry = setTimeout(() => void this.connect(source), this.settings.retryMs);
    source.retry.unref();
    // The failed source cannot fill a hole any more until it is back.
    this.checkGap();
  }

  private pullAll(): void {
    for (const source of this.sources) this.pull(source);
  }

  private pull(source: Source): void {
    const it = source.it;
    if (!it || source.pulling || this.ended || this.ready.length - this.head >= READ_AHEAD) return;
    source.pulling = true;
    it.next().then(
      (result) => {
        source.pulling = false;
        if (this.ended || source.it !== it) return;
        // A log ends its streams only when the session is deleted or the log closed.
        if (result.done) return this.end();
        this.accept(source, result.value);
        this.pull(source);
      },
      (err: unknown) => {
        source.pulling = false;
        // An iterator whose next() rejected is finished, as with async generators.
        if (!this.ended && source.it === it) this.fail(source, asError(err));
      },
    );
  }

  private accept(source: Source, event: ChatEvent): void {
    source.position = Math.max(source.position, event.seq);
    // A source's own EVENTS_TRIMMED only says what it lacks; the other log may have it.
    if (!isEventsTrimmed(event) && event.seq > this.last) {
      if (event.seq === this.last + 1) this.deliver(event);
      else this.held.set(event.seq, event);
    }
    this.checkGap();
  }

  /** Hands `event` on, then whatever it unblocks. */
  private deliver(event: ChatEvent): void {
    this.emit(event);
    for (let next = this.held.get(this.last + 1); next; next = this.held.get(this.last + 1)) {
      this.held.delete(next.seq);
      this.emit(next);
    }
  }

  private emit(event: ChatEvent): void {
    this.last = event.seq;
    if (!this.waiting) return void this.ready.push(event);
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ value: event, done: false });
  }

  private checkGap(): void {
    if (this.held.size === 0 || this.ended) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
      return;
    }
    // Only a source that is down, or has not yet passed the hole, could still fill it.
    const fillable = this.sources.some((s) => !s.it || s.position <= this.last);
    if (!fillable || this.held.size >= READ_AHEAD) return this.closeGap();
    if (this.gapTimer && this.gapAfter === this.last) return;
    clearTimeout(this.gapTimer);
    this.gapAfter = this.last;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      this.closeGap();
    }, this.settings.gapWaitMs);
  }

  private closeGap(): void {
    const next = Math.min(...this.held.keys());
    this.deliver(eventsTrimmed(this.sessionId, this.last + 1, next - 1));
    this.checkGap();
  }
}
