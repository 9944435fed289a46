import type { Redis } from 'ioredis';
import {
  CHAT_EVENT_RETENTION,
  CHAT_EVENT_TYPES,
  assertNewChatEvents,
  assertSeq,
  eventsTrimmed,
  type ChatEvent,
  type ChatEventLog,
  type ChatEventType,
  type NewChatEvent,
} from '../../ports/chat-event-log.port';
import { AsyncQueue } from '../shared/async-queue';
import { frozenEvent } from './frozen-event';

// The hash tag keeps a session's keys in one cluster slot, as the scripts need.
const keysOf = (sessionId: string) => {
  const base = `soullink:chat:{${sessionId}}`;
  return { seq: `${base}:seq`, events: `${base}:events`, channel: `${base}:live` };
};

const XRANGE_PAGE = 1000;
/** Live batches a slow reader may fall behind; beyond it the oldest are dropped and the gap is re-read from the log. */
const LIVE_BUFFER = 1000;

// One script, so seqs, storage and publication order can never disagree between appenders.
// The seq continues from the counter, or from the stream's newest id should the counter have
// been evicted without it. Entries have ids "<seq>-0", so XRANGE by seq works. The published
// message is built by concatenation: payloads arrive as JSON and are never re-encoded.
/** The seq key's value once the session's log was deleted (see DELETE). */
const DELETED = 'deleted';

const APPEND = `
local seqKey, streamKey = KEYS[1], KEYS[2]
local channel, maxEvents, ttl, minSeq, at = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local stored = redis.call('GET', seqKey)
if stored == '${DELETED}' then return 0 end
local last = tonumber(stored or 0)
local newest = redis.call('XREVRANGE', streamKey, '+', '-', 'COUNT', 1)[1]
if newest then last = math.max(last, tonumber(string.match(newest[1], '^%d+'))) end
local first = math.max(last, minSeq) + 1
local parts = {}
local count = (#ARGV - 5) / 2
for i = 0, count - 1 do
  local eventType, payload = ARGV[6 + 2 * i], ARGV[7 + 2 * i]
  redis.call('XADD', streamKey, 'MAXLEN', '~', maxEvents, (first + i) .. '-0', 't', eventType, 'p', payload, 'at', at)
  parts[i + 1] = '[' .. cjson.encode(eventType) .. ',' .. payload .. ']'
end
redis.call('SET', seqKey, first + count - 1, 'EX', ttl)
redis.call('EXPIRE', streamKey, ttl)
redis.call('PUBLISH', channel, '{"first":' .. first .. ',"at":"' .. at .. '","events":[' .. table.concat(parts, ',') .. ']}')
return first
`;

// Deleting announces itself, so streams of the session end in every process. The seq key
// stays for the retention time as a tombstone: APPEND then adds nothing (returns 0), so a
// reply still streaming when its chat was deleted does not write the log anew.
const DELETE = `
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[1], '${DELETED}', 'EX', ARGV[2])
redis.call('PUBLISH', ARGV[1], '{"deleted":true}')
`;

interface ChatLogScripts {
  soullinkChatAppend(seqKey: string, streamKey: string, ...args: (string | number)[]): Promise<number>;
  soullinkChatDelete(seqKey: string, streamKey: string, channel: string, ttlSeconds: number): Promise<unknown>;
}

/** What a local stream receives from the session's channel. */
type LiveItem = { events: ChatEvent[] } | { resync: true } | { deleted: true } | { error: Error };

interface Channel {
  sessionId: string;
  queues: Set<AsyncQueue<LiveItem>>;
  subscribed: Promise<unknown>;
}

export interface RedisChatEventLogOptions {
  maxEvents?: number;
  ttlSeconds?: number;
  /** Told about background failures no caller awaits (an UNSUBSCRIBE that failed). */
  onError?: (err: Error) => void;
}

/**
 * The chat event log in Redis: per session a seq counter and a stream of the newest events,
 * both expiring `ttlSeconds` after the last append, and a pub/sub channel for live events.
 * `subscriber` is a dedicated connection: one SUBSCRIBE per session, shared by every local
 * stream of it.
 */
export class RedisChatEventLog implements ChatEventLog {
  private readonly channels = new Map<string, Channel>();
  private readonly scripts: ChatLogScripts;
  private readonly maxEvents: number;
  private readonly ttlSeconds: number;
  private readonly onError: (err: Error) => void;

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    options: RedisChatEventLogOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? CHAT_EVENT_RETENTION.maxEvents;
    this.ttlSeconds = options.ttlSeconds ?? CHAT_EVENT_RETENTION.ttlSeconds;
    // A string, not the Error: emitWarning throws on an Error of another realm (a vm context
    // such as a test sandbox), and a throw here would surface as an unhandled rejection.
    this.onError = options.onError ?? ((err) => process.emitWarning(`chat event log: ${err instanceof Error ? err.message : String(err)}`));
    redis.defineCommand('soullinkChatAppend', { numberOfKeys: 2, lua: APPEND });
    redis.defineCommand('soullinkChatDelete', { numberOfKeys: 2, lua: DELETE });
    this.scripts = redis as unknown as ChatLogScripts;
    subscriber.on('message', this.onMessage);
    subscriber.on('ready', this.onReconnect);
  }

  async append(sessionId: string, events: NewChatEvent[], options: { minSeq?: number } = {}): Promise<ChatEvent[]> {
    const minSeq = options.minSeq ?? 0;
    assertSeq(minSeq, 'minSeq');
    assertNewChatEvents(events);
    if (events.length === 0) return [];
    const keys = keysOf(sessionId);
    const at = new Date().toISOString();
    const args: (string | number)[] = [keys.channel, this.maxEvents, this.ttlSeconds, minSeq, at];
    for (const event of events) args.push(event.type, payloadJson(event.payload));
    const first = Number(await this.scripts.soullinkChatAppend(keys.seq, keys.events, ...args));
    // 0: the session's log was deleted; nothing was stored.
    if (first === 0) return [];
    return events.map((event, i) => ({ sessionId, seq: first + i, at, type: event.type, payload: event.payload }));
  }

  async stream(sessionId: string, afterSeq: number): Promise<AsyncIterableIterator<ChatEvent>> {
    assertSeq(afterSeq, 'afterSeq');
    // Listen first, then read the log: whatever is appended in between arrives twice and the
    // stream drops the repeat by seq; the other order could lose it.
    const live = await this.listen(sessionId);
    try {
      const stream = new RedisChatEventStream(live, (after) => this.readAfter(sessionId, after), afterSeq);
      stream.accept(await this.readAfter(sessionId, afterSeq));
      return stream;
    } catch (err) {
      live.end();
      throw err;
    }
  }

  async lastSeq(sessionId: string): Promise<number> {
    const value = await this.redis.get(keysOf(sessionId).seq);
    if (value === null || value === DELETED) return 0;
    const seq = Number(value);
    assertSeq(seq, `stored seq of chat session ${sessionId}`);
    return seq;
  }

  async delete(sessionId: string): Promise<void> {
    const keys = keysOf(sessionId);
    await this.scripts.soullinkChatDelete(keys.seq, keys.events, keys.channel, this.ttlSeconds);
    // Local streams end now, even if the notice on the channel is late or lost.
    for (const queue of [...(this.channels.get(keys.channel)?.queues ?? [])]) queue.end();
  }

  async close(): Promise<void> {
    this.subscriber.off('message', this.onMessage);
    this.subscriber.off('ready', this.onReconnect);
    for (const channel of [...this.channels.values()]) for (const queue of [...channel.queues]) queue.end();
  }

  private async listen(sessionId: string): Promise<AsyncQueue<LiveItem>> {
    const name = keysOf(sessionId).channel;
    let channel = this.channels.get(name);
    if (!channel) {
      const created: Channel = { sessionId, queues: new Set(), subscribed: this.subscriber.subscribe(name) };
      // Each waiting stream gets the error below; this only stops the next stream reusing a failed SUBSCRIBE.
      created.subscribed.catch(() => this.channels.get(name) === created && this.channels.delete(name));
      this.channels.set(name, created);
      channel = created;
    }
    const owner = channel;
    const queue: AsyncQueue<LiveItem> = new AsyncQueue(() => this.release(name, owner, queue), LIVE_BUFFER);
    owner.queues.add(queue);
    try {
      await owner.subscribed;
    } catch (err) {
      queue.end();
      throw err;
    }
    return queue;
  }

  private release(name: string, channel: Channel, queue: AsyncQueue<LiveItem>): void {
    channel.queues.delete(queue);
    if (channel.queues.size > 0 || this.channels.get(name) !== channel) return;
    this.channels.delete(name);
    this.subscriber.unsubscribe(name).catch((err: Error) => this.onError(err));
  }

  private readonly onMessage = (name: string, message: string): void => {
    const channel = this.channels.get(name);
    if (!channel) return;
    if (channel.queues.size === 0) return;
    // Parsed once: its events are frozen, so this process's streams share them.
    const item = parseLive(channel.sessionId, message);
    for (const queue of channel.queues) queue.push(item);
  };

  /**
   * Publications made while the subscriber was disconnected are gone: once our channels are
   * subscribed again, every stream re-reads the log. ioredis emits 'ready' before it
   * resubscribes; our own SUBSCRIBE is answered only once the server has the subscription.
   */
  private readonly onReconnect = (): void => {
    const names = [...this.channels.keys()];
    if (names.length === 0) return;
    const tell = (item: LiveItem) => {
      for (const name of names) for (const queue of this.channels.get(name)?.queues ?? []) queue.push(item);
    };
    this.subscriber.subscribe(...names).then(
      () => tell({ resync: true }),
      (err: Error) => tell({ error: err }),
    );
  };

  private async readAfter(sessionId: string, afterSeq: number): Promise<ChatEvent[]> {
    const key = keysOf(sessionId).events;
    const events: ChatEvent[] = [];
    for (let from = afterSeq + 1; ; ) {
      const page = await this.redis.xrange(key, `${from}-0`, '+', 'COUNT', XRANGE_PAGE);
      for (const entry of page) events.push(fromEntry(sessionId, entry));
      if (page.length < XRANGE_PAGE) return events;
      from = events[events.length - 1].seq + 1;
    }
  }
}

/**
 * One reader: events read from the log, then live batches from the channel. A live batch
 * that does not follow on (a publication lost or dropped as overflow) makes it re-read the
 * log, so what it yields is always the log's order, each seq once.
 */
class RedisChatEventStream implements AsyncIterableIterator<ChatEvent> {
  private ready: ChatEvent[] = [];
  private head = 0;
  private turn: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly live: AsyncQueue<LiveItem>,
    private readonly readAfter: (afterSeq: number) => Promise<ChatEvent[]>,
    /** The last seq queued for the consumer. */
    private last: number,
  ) {}

  /** Queues `events` (in seq order) beyond the last one, announcing any hole before them. */
  accept(events: ChatEvent[]): void {
    if (this.ended) return;
    for (const event of events) {
      if (event.seq <= this.last) continue;
      if (event.seq > this.last + 1) this.ready.push(eventsTrimmed(event.sessionId, this.last + 1, event.seq - 1));
      this.ready.push(event);
      this.last = event.seq;
    }
  }

  next(): Promise<IteratorResult<ChatEvent>> {
    // One pull at a time: a pull may await Redis, and a second must not overtake it.
    const result = this.turn.then(() => this.pull());
    this.turn = result.then(
      () => undefined,
      () => undefined, // the caller gets the error from `result`
    );
    return result;
  }

  return(): Promise<IteratorResult<ChatEvent>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }

  private async pull(): Promise<IteratorResult<ChatEvent>> {
    for (;;) {
      if (this.ended) return { value: undefined, done: true };
      if (this.head < this.ready.length) return { value: this.take(), done: false };
      const item = await this.live.next();
      if (item.done) {
        this.ended = true;
        continue;
      }
      const message = item.value;
      try {
        if ('error' in message) throw message.error;
        if ('deleted' in message) this.end();
        else if ('resync' in message) this.accept(await this.readAfter(this.last));
        else {
          if (message.events[0].seq > this.last + 1) this.accept(await this.readAfter(this.last));
          this.accept(message.events);
        }
      } catch (err) {
        this.end();
        throw err;
      }
    }
  }

  private take(): ChatEvent {
    const event = this.ready[this.head++];
    if (this.head === this.ready.length) {
      this.ready = [];
      this.head = 0;
    }
    return event;
  }

  private end(): void {
    this.ended = true;
    this.ready = [];
    this.head = 0;
    this.live.end();
  }
}

function checkedType(type: string): ChatEventType {
  if (!(CHAT_EVENT_TYPES as readonly string[]).includes(type)) throw new TypeError(`unknown chat event type ${type}`);
  return type as ChatEventType;
}

function payloadJson(payload: Record<string, unknown>): string {
  const json: unknown = JSON.stringify(payload);
  // A toJSON() may still turn an object into something else.
  if (typeof json !== 'string' || !json.startsWith('{')) throw new TypeError('chat event payload must be a JSON object');
  return json;
}

function isPayload(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A channel message; a malformed one becomes an error for the streams, never a silent skip. */
function parseLive(sessionId: string, message: string): LiveItem {
  try {
    const data = JSON.parse(message) as { deleted?: unknown; first?: unknown; at?: unknown; events?: unknown };
    if (data.deleted === true) return { deleted: true };
    const { first, at, events } = data;
    if (typeof first !== 'number' || typeof at !== 'string' || !Array.isArray(events) || events.length === 0) throw new Error('not an event batch');
    return {
      events: events.map((pair: unknown, i) => {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !isPayload(pair[1])) throw new Error(`bad event #${i}`);
        return frozenEvent({ sessionId, seq: first + i, at, type: checkedType(pair[0]), payload: pair[1] });
      }),
    };
  } catch (err) {
    return { error: new Error(`malformed chat event message for session ${sessionId}: ${reason(err)}`) };
  }
}

function fromEntry(sessionId: string, [id, fields]: [string, string[]]): ChatEvent {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
  const [seq, type, payload, at] = [Number.parseInt(id, 10), values.get('t'), values.get('p'), values.get('at')];
  if (!Number.isSafeInteger(seq) || type === undefined || payload === undefined || at === undefined) {
    throw new Error(`malformed chat event ${id} in session ${sessionId}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch (err) {
    throw new Error(`chat event ${id} in session ${sessionId}: ${reason(err)}`);
  }
  if (!isPayload(parsed)) throw new Error(`chat event ${id} in session ${sessionId} has no object payload`);
  return frozenEvent({ sessionId, seq, at, type: checkedType(type), payload: parsed });
}

/** Why parsing failed, without quoting the input: JSON.parse errors echo it, and it is chat content. */
function reason(err: unknown): string {
  return err instanceof SyntaxError ? 'invalid JSON' : (err as Error).message;
}
