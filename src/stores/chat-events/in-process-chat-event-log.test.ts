import { chatEventLogContract } from './chat-event-log.contract';
import { InProcessChatEventLog } from './in-process-chat-event-log';

chatEventLogContract('in-process', async (options) => new InProcessChatEventLog(options));

describe('InProcessChatEventLog', () => {
  it('Given sessions idle past their TTL, When one is read, Then it is gone (seqs start again)', async () => {
    const log = new InProcessChatEventLog({ ttlSeconds: 0.05 });
    try {
      await log.append('idle', [{ type: 'AI_CHUNK', payload: { n: 1 } }]);
      await new Promise((r) => setTimeout(r, 80));
      expect(await log.lastSeq('idle')).toBe(0);
      expect((await log.append('idle', [{ type: 'AI_CHUNK', payload: { n: 2 } }]))[0].seq).toBe(1);
    } finally {
      await log.close();
    }
  });

  it('Given more sessions than the cap, When one more is appended to, Then the least recently used is dropped', async () => {
    const log = new InProcessChatEventLog({ maxSessions: 2 });
    try {
      for (const session of ['a', 'b']) await log.append(session, [{ type: 'AI_CHUNK', payload: {} }]);
      await log.append('a', [{ type: 'AI_CHUNK', payload: {} }]);
      await log.append('c', [{ type: 'AI_CHUNK', payload: {} }]);
      expect([await log.lastSeq('a'), await log.lastSeq('b'), await log.lastSeq('c')]).toEqual([2, 0, 1]);
    } finally {
      await log.close();
    }
  });

  it('Given a reader far behind, When more than maxEvents are appended, Then it gets EVENTS_TRIMMED, then the retained events', async () => {
    const log = new InProcessChatEventLog({ maxEvents: 3 });
    try {
      const stream = await log.stream('slow', 0);
      await log.append('slow', [1, 2, 3, 4, 5].map((n) => ({ type: 'AI_CHUNK' as const, payload: { n } })));
      const events = [];
      for (let i = 0; i < 4; i++) events.push((await stream.next()).value);
      expect(events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
      expect(events[0].payload).toEqual({ kind: 'EVENTS_TRIMMED', fromSeq: 1, toSeq: 2 });
      await stream.return?.();
    } finally {
      await log.close();
    }
  });

  it('When the log is closed, Then open streams end', async () => {
    const log = new InProcessChatEventLog();
    const stream = await log.stream('s', 0);
    const pending = stream.next();
    await log.close();
    expect((await pending).done).toBe(true);
  });
});
