import type { ChatEvent, ChatEventLog, NewChatEvent } from '../ports/chat-event-log.port';
import { ChunkEmitter } from './chunk-emitter';
import { SessionEvents } from '../domain/chats/session-events';

/** The log's numbering as the port describes it, in memory (the domain's tests use no adapter). */
class MemoryLog implements ChatEventLog {
  readonly events: ChatEvent[] = [];
  async append(sessionId: string, events: NewChatEvent[], options?: { minSeq?: number }): Promise<ChatEvent[]> {
    let seq = Math.max(this.last(sessionId), options?.minSeq ?? 0);
    const stored = events.map((e) => ({ ...e, sessionId, seq: ++seq, at: new Date().toISOString() }));
    this.events.push(...stored);
    return stored;
  }
  stream(): Promise<AsyncIterableIterator<ChatEvent>> {
    throw new Error('not used by these tests');
  }
  lastSeq = async (sessionId: string) => this.last(sessionId);
  delete = async (sessionId: string) => void this.events.splice(0, this.events.length, ...this.events.filter((e) => e.sessionId !== sessionId));
  close = async () => undefined;
  private last(sessionId: string): number {
    return Math.max(0, ...this.events.filter((e) => e.sessionId === sessionId).map((e) => e.seq));
  }
}

/** A log whose appends take a while, like Redis across a network. */
class SlowLog implements ChatEventLog {
  constructor(private readonly inner: ChatEventLog) {}
  async append(sessionId: string, events: NewChatEvent[], options?: { minSeq?: number }): Promise<ChatEvent[]> {
    await new Promise((r) => setTimeout(r, 5));
    return this.inner.append(sessionId, events, options);
  }
  stream = (sessionId: string, afterSeq: number) => this.inner.stream(sessionId, afterSeq);
  lastSeq = (sessionId: string) => this.inner.lastSeq(sessionId);
  delete = (sessionId: string) => this.inner.delete(sessionId);
  close = () => this.inner.close();
}

describe('ChunkEmitter', () => {
  it('When deltas arrive faster than the log appends, Then they are merged into fewer events, in order, with consecutive indexes', async () => {
    const log = new MemoryLog();
    const events = await SessionEvents.open(new SlowLog(log), 's1', 0);
    const emitter = new ChunkEmitter(events, 'r1');
    const deltas = Array.from({ length: 50 }, (_, i) => `${i},`);
    for (const d of deltas) emitter.push(d);
    await emitter.flush();
    const got = log.events;
    expect(got.map((e) => e.seq)).toEqual(got.map((_, i) => i + 1));
    expect(got.length).toBeLessThan(deltas.length);
    expect(got.map((e) => e.payload.index)).toEqual(got.map((_, i) => i));
    expect(got.map((e) => e.payload.text).join('')).toBe(deltas.join(''));
    expect(emitter.sent).toBe(deltas.join(''));
  });

  it('When the chat log was lost (expired) below the recorded floor, Then numbering resumes above the floor', async () => {
    const log = new MemoryLog();
    const events = await SessionEvents.open(log, 's2', 40);
    const [first] = await events.append([{ type: 'SYSTEM', payload: { kind: 'USER_MESSAGE' } }]);
    expect(first!.seq).toBeGreaterThan(40);
    expect(events.lastSeq).toBe(first!.seq);
  });
});
