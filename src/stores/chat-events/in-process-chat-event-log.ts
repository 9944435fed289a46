import {
  CHAT_EVENT_RETENTION,
  assertNewChatEvents,
  assertSeq,
  eventsTrimmed,
  type ChatEvent,
  type ChatEventLog,
  type NewChatEvent,
} from '../../ports/chat-event-log.port';
import { frozenEvent } from './frozen-event';

const DONE: IteratorResult<ChatEvent> = { value: undefined, done: true };

/**
 * A copy of a payload, as a round trip through Redis would give: structuredClone, except for
 * the common case of a plain object of strings, numbers, booleans and nulls (every AI_CHUNK),
 * which a shallow copy reproduces exactly at a fraction of the cost.
 */
function copyPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const proto = Object.getPrototypeOf(payload);
  if (proto === Object.prototype || proto === null) {
    const copy: Record<string, unknown> = {};
    let flat = true;
    for (const key in payload) {
      const value = payload[key];
      if (value !== null && typeof value === 'object') {
        flat = false;
        break;
      }
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
        flat = false;
        break;
      }
      copy[key] = value;
    }
    if (flat) return copy;
  }
  return structuredClone(payload);
}

const SWEEP_INTERVAL_MS = { min: 1000, max: 60_000 };

/**
 * One session's log: a ring of its newest events, addressed by absolute index (the count of
 * events appended before it), so a reader's position survives the ring wrapping around.
 */
class SessionLog {
  private readonly ring: ChatEvent[] = [];
  /** Events ever appended; the next one gets this absolute index. */
  total = 0;
  lastSeq = 0;
  expiresAt = 0;
  readonly readers = new Set<InProcessChatEventStream>();

  constructor(
    readonly sessionId: string,
    private readonly capacity: number,
  ) {}

  /** Absolute index of the oldest retained event. */
  get oldest(): number {
    return Math.max(0, this.total - this.capacity);
  }

  at(index: number): ChatEvent {
    return this.ring[index % this.capacity];
  }

  push(event: ChatEvent): void {
    this.ring[this.total % this.capacity] = event;
    this.total++;
    this.lastSeq = event.seq;
  }

  /** Absolute index of the first retained event with seq > afterSeq (seqs only grow). */
  indexAfter(afterSeq: number): number {
    let [lo, hi] = [this.oldest, this.total];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A reader is a cursor over its session's ring: the ring is the only buffer, so a slow
 * reader costs nothing, and one that falls more than maxEvents behind gets EVENTS_TRIMMED.
 */
class InProcessChatEventStream implements AsyncIterableIterator<ChatEvent> {
  private waiting: ((result: IteratorResult<ChatEvent>) => void) | undefined;
  private ended = false;

  constructor(
    private readonly log: SessionLog,
    private last: number,
    private index: number,
    private readonly onEnd: (reader: InProcessChatEventStream) => void,
  ) {}

  next(): Promise<IteratorResult<ChatEvent>> {
    const result = this.read();
    if (result) return Promise.resolve(result);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ChatEvent>> {
    this.end();
    return Promise.resolve(DONE);
  }

  /** The log appended to (or dropped) this session: hand a waiting consumer what is new. */
  wake(): void {
    if (!this.waiting) return;
    const result = this.read();
    if (!result) return;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve(result);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this);
    this.wake();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }

  private read(): IteratorResult<ChatEvent> | undefined {
    if (this.ended) return DONE;
    const log = this.log;
    this.index = Math.max(this.index, log.oldest);
    if (this.index >= log.total) return undefined;
    const event = log.at(this.index);
    if (event.seq > this.last + 1) {
      const marker = eventsTrimmed(log.sessionId, this.last + 1, event.seq - 1);
      this.last = event.seq - 1;
      return { value: marker, done: false };
    }
    this.index++;
    this.last = event.seq;
    // Stored events are frozen: every reader gets the same object, none can change it.
    return { value: event, done: false };
  }
}

export interface InProcessChatEventLogOptions {
  maxEvents?: number;
  ttlSeconds?: number;
  /** Sessions kept at most; the least recently appended-to go first. */
  maxSessions?: number;
}

/**
 * The chat event log of a single process (the embedded default when REDIS_URL is unset).
 * Sessions somebody is streaming are never expired or evicted: their readers hold them.
 */
export class InProcessChatEventLog implements ChatEventLog {
  /** In least-recently-used order: an append moves its session to the end. */
  private readonly sessions = new Map<string, SessionLog>();
  /**
   * Deleted sessions, until when their appends are dropped: a reply still streaming when its
   * chat was deleted (or its account erased) would otherwise write the log anew, with the
   * reply's text in it. Kept as long as a log would be (retention), oldest first.
   */
  private readonly deleted = new Map<string, number>();
  private readonly maxEvents: number;
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: InProcessChatEventLogOptions = {}) {
    this.maxEvents = options.maxEvents ?? CHAT_EVENT_RETENTION.maxEvents;
    this.ttlMs = (options.ttlSeconds ?? CHAT_EVENT_RETENTION.ttlSeconds) * 1000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.sweeper = setInterval(() => this.sweep(), Math.min(Math.max(this.ttlMs, SWEEP_INTERVAL_MS.min), SWEEP_INTERVAL_MS.max));
    this.sweeper.unref();
  }

  async append(sessionId: string, events: NewChatEvent[], options: { minSeq?: number } = {}): Promise<ChatEvent[]> {
    const minSeq = options.minSeq ?? 0;
    assertSeq(minSeq, 'minSeq');
    assertNewChatEvents(events);
    if (events.length === 0 || this.isDeleted(sessionId)) return [];
    const log = this.live(sessionId) ?? new SessionLog(sessionId, this.maxEvents);
    // Copied (the caller keeps its payload) before storing anything, so a payload that cannot
    // be cloned leaves the log as it was; frozen, so readers share the stored event.
    const payloads = events.map((event) => copyPayload(event.payload));
    const at = new Date().toISOString();
    const first = Math.max(log.lastSeq, minSeq) + 1;
    const stored = events.map((event, i) => ({ sessionId, seq: first + i, at, type: event.type, payload: event.payload }));
    stored.forEach((event, i) => log.push(frozenEvent({ ...event, payload: payloads[i] })));
    log.expiresAt = Date.now() + this.ttlMs;
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, log);
    this.evictOverCap(sessionId);
    for (const reader of log.readers) reader.wake();
    return stored;
  }

  async stream(sessionId: string, afterSeq: number): Promise<AsyncIterableIterator<ChatEvent>> {
    assertSeq(afterSeq, 'afterSeq');
    let log = this.live(sessionId);
    if (!log) {
      // A reader may come before the first append: it waits on an empty log.
      log = new SessionLog(sessionId, this.maxEvents);
      this.sessions.set(sessionId, log);
      this.evictOverCap(sessionId);
    }
    const owner = log;
    const reader = new InProcessChatEventStream(owner, afterSeq, owner.indexAfter(afterSeq), (r) => {
      owner.readers.delete(r);
      if (owner.readers.size === 0 && owner.total === 0 && this.sessions.get(sessionId) === owner) this.sessions.delete(sessionId);
    });
    owner.readers.add(reader);
    return reader;
  }

  async lastSeq(sessionId: string): Promise<number> {
    return this.live(sessionId)?.lastSeq ?? 0;
  }

  async delete(sessionId: string): Promise<void> {
    this.deleted.delete(sessionId);
    this.deleted.set(sessionId, Date.now() + this.ttlMs);
    const log = this.sessions.get(sessionId);
    if (!log) return;
    this.sessions.delete(sessionId);
    for (const reader of [...log.readers]) reader.end();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const log of this.sessions.values()) for (const reader of [...log.readers]) reader.end();
    this.sessions.clear();
    this.deleted.clear();
  }

  private isDeleted(sessionId: string): boolean {
    const until = this.deleted.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  /** The session's log unless it expired (dropped here: lazy purge). */
  private live(sessionId: string): SessionLog | undefined {
    const log = this.sessions.get(sessionId);
    if (log && this.expired(log, Date.now())) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return log;
  }

  private expired(log: SessionLog, now: number): boolean {
    return log.total > 0 && log.expiresAt <= now && log.readers.size === 0;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [sessionId, log] of this.sessions) if (this.expired(log, now)) this.sessions.delete(sessionId);
    // In deletion order, so the expired ones come first.
    for (const [sessionId, until] of this.deleted) {
      if (until > now) break;
      this.deleted.delete(sessionId);
    }
  }

  private evictOverCap(keep: string): void {
    if (this.sessions.size <= this.maxSessions) return;
    for (const [sessionId, log] of this.sessions) {
      if (log.readers.size > 0 || sessionId === keep) continue;
      this.sessions.delete(sessionId);
      if (this.sessions.size <= this.maxSessions) return;
    }
  }
}
