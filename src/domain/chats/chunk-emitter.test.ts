import { InProcessChatEventLog } from '../../stores/chat-events/in-process-chat-event-log';
import type { ChatEvent, ChatEventLog, NewChatEvent } from '../../ports/chat-event-log.port';
import { ChunkEmitter } from './chunk-emitter';
import { SessionEvents } from './session-events';

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
    const log = new InProcessChatEventLog();
    const events = await SessionEvents.open(new SlowLog(log), 's1', 0);
    const emitter = new ChunkEmitter(events, 'r1');
    const deltas = Array.from({ length: 50 }, (_, i) => `${i},`);
    for (const d of deltas) emitter.push(d);
    await emitter.flush();
    const stream = await log.stream('s1', 0);
    const got: ChatEvent[] = [];
    for (let n = await log.lastSeq('s1'); got.length < n; ) got.push((await stream.next()).value as ChatEvent);
    await stream.return?.();
    expect(got.length).toBeLessThan(deltas.length);
    expect(got.map((e) => e.payload.index)).toEqual(got.map((_, i) => i));
    expect(got.map((e) => e.payload.text).join('')).toBe(deltas.join(''));
    expect(emitter.sent).toBe(deltas.join(''));
    await log.close();
  });

  it('When the chat log was lost (expired) below the recorded floor, Then numbering resumes above the floor', async () => {
    const log = new InProcessChatEventLog();
    const events = await SessionEvents.open(log, 's2', 40);
    const [first] = await events.append([{ type: 'SYSTEM', payload: { kind: 'USER_MESSAGE' } }]);
    expect(first!.seq).toBeGreaterThan(40);
    expect(events.lastSeq).toBe(first!.seq);
    await log.close();
  });
});
