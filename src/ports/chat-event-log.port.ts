export const CHAT_EVENT_TYPES = ['AI_CHUNK', 'AI_COMPLETE', 'SUGGESTIONS', 'ERROR', 'SYSTEM'] as const;
export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];

export interface NewChatEvent {
  type: ChatEventType;
  payload: Record<string, unknown>;
}

export interface ChatEvent extends NewChatEvent {
  sessionId: string;
  /** 1, 2, 3… per session. Seqs a reader cannot get are announced by one EVENTS_TRIMMED event. */
  seq: number;
  /** ISO time of append */
  at: string;
}

/**
 * The per-session log of live chat events (reply tokens, completions, suggestions), so a
 * client that reconnects with its last seq gets exactly what it missed, then live events.
 * Short-lived by design (Redis in production, in-process by default): durable messages live
 * in the transcript store, never written per token.
 */
export interface ChatEventLog {
  /**
   * Appends `events` in order, atomically, with consecutive seqs greater than both the
   * session's last seq and `options.minSeq`; publishes them to live subscribers (every
   * process); resolves to the stored events.
   */
  append(sessionId: string, events: NewChatEvent[], options?: { minSeq?: number }): Promise<ChatEvent[]>;
  /**
   * Events with seq > afterSeq: first those the log retains, then live ones, each exactly once
   * and in seq order; never ends on its own (the consumer calls return()). Where the log does
   * not hold the next seq (trimmed, expired, or skipped by `minSeq`) it first yields one
   * synthetic event (see `eventsTrimmed`) so the client knows to refetch messages.
   * A rejected next() ends the stream, as with async generators. Call next() only after the
   * previous call settled (as `for await` does).
   */
  stream(sessionId: string, afterSeq: number): Promise<AsyncIterableIterator<ChatEvent>>;
  /** The session's last seq (0 when nothing was appended or the log expired). */
  lastSeq(sessionId: string): Promise<number>;
  /**
   * Removes the session's log (chat deleted, account erased); live streams of it end. For as
   * long as a log is kept, appends to it are then dropped (append returns []): a writer still
   * running, such as a reply streaming when its chat was deleted, cannot write it anew.
   */
  delete(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

export const CHAT_EVENT_RETENTION = { maxEvents: 5000, ttlSeconds: 24 * 3600 };

/**
 * The synthetic event that stands for seqs fromSeq..toSeq a stream cannot deliver. Its seq is
 * toSeq, so a client's "last seq" moves past the hole.
 */
export function eventsTrimmed(sessionId: string, fromSeq: number, toSeq: number): ChatEvent {
  return { sessionId, seq: toSeq, at: new Date().toISOString(), type: 'SYSTEM', payload: { kind: 'EVENTS_TRIMMED', fromSeq, toSeq } };
}

export function isEventsTrimmed(event: ChatEvent): boolean {
  return event.type === 'SYSTEM' && event.payload.kind === 'EVENTS_TRIMMED';
}

/** Seqs, `afterSeq` and `minSeq` are non-negative safe integers; adapters reject anything else. */
export function assertSeq(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** Adapters reject events a reader could not parse back: an unknown type, a payload that is not a plain object. */
export function assertNewChatEvents(events: NewChatEvent[]): void {
  for (const { type, payload } of events) {
    if (!(CHAT_EVENT_TYPES as readonly string[]).includes(type)) throw new TypeError(`unknown chat event type ${type}`);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new TypeError('chat event payload must be an object');
  }
}
