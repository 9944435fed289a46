import { randomUUID } from 'node:crypto';
import type { ChatEvent, ChatEventLog, NewChatEvent } from '../../ports/chat-event-log.port';

type Stream = AsyncIterableIterator<ChatEvent>;

const chunk = (n: number): NewChatEvent => ({ type: 'AI_CHUNK', payload: { n } });

/** The stream's next event; fails when none comes within `ms` or the stream ends. */
export async function nextEvent(stream: Stream, ms = 3000): Promise<ChatEvent> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no event in time')), ms);
  });
  try {
    const result = await Promise.race([stream.next(), timeout]);
    if (result.done) throw new Error('stream ended');
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function take(stream: Stream, count: number): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  while (events.length < count) events.push(await nextEvent(stream));
  return events;
}

/**
 * Resolves true when the stream ends within `ms`, false when it is still waiting for events.
 * A false leaves a next() pending: call it last on that stream.
 */
async function endsWithin(stream: Stream, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    for (;;) {
      const result = await Promise.race([stream.next(), pending]);
      if (result === false) return false;
      if (result.done) return true;
    }
  } finally {
    clearTimeout(timer);
  }
}

const seqs = (events: ChatEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The behaviour every ChatEventLog adapter must show. `create` may be asked for a small retention. */
export function chatEventLogContract(name: string, create: (options?: { maxEvents?: number }) => Promise<ChatEventLog>) {
  describe(`ChatEventLog contract: ${name}`, () => {
    let log: ChatEventLog;
    let sessions: string[];
    let streams: Stream[];
    const newSession = () => {
      const id = `contract-${randomUUID()}`;
      sessions.push(id);
      return id;
    };
    const open = async (sessionId: string, afterSeq: number, on = log) => {
      const stream = await on.stream(sessionId, afterSeq);
      streams.push(stream);
      return stream;
    };

    beforeEach(async () => {
      log = await create();
      [sessions, streams] = [[], []];
    });
    afterEach(async () => {
      for (const stream of streams) await stream.return?.();
      for (const sessionId of sessions) await log.delete(sessionId);
      await log.close();
    });

    it('When batches are appended, Then seqs run on consecutively across batches and the stored events come back', async () => {
      const session = newSession();
      const first = await log.append(session, [chunk(1), chunk(2)]);
      const second = await log.append(session, [{ type: 'AI_COMPLETE', payload: { text: 'hi' } }]);
      expect(seqs([...first, ...second])).toEqual([1, 2, 3]);
      expect(second[0]).toMatchObject({ sessionId: session, seq: 3, type: 'AI_COMPLETE', payload: { text: 'hi' } });
      expect(new Date(second[0].at).toISOString()).toBe(second[0].at);
      expect(await log.lastSeq(session)).toBe(3);
    });

    it('When 50 appends run concurrently, Then every event gets a unique seq and together they are 1..N without gaps', async () => {
      const session = newSession();
      const batches = await Promise.all(range(1, 50).map((i) => log.append(session, range(1, (i % 3) + 1).map(chunk))));
      const all = batches.flat().map((e) => e.seq);
      for (const batch of batches) expect(seqs(batch)).toEqual(range(batch[0].seq, batch[0].seq + batch.length - 1));
      expect([...all].sort((a, b) => a - b)).toEqual(range(1, all.length));
      expect(await log.lastSeq(session)).toBe(all.length);
    });

    it('When appending with a minSeq, Then seqs continue above it (and above the last seq), and readers are told of the skipped ones', async () => {
      const session = newSession();
      await log.append(session, [chunk(1), chunk(2)]);
      expect(seqs(await log.append(session, [chunk(3)], { minSeq: 10 }))).toEqual([11]);
      expect(seqs(await log.append(session, [chunk(4)], { minSeq: 5 }))).toEqual([12]);
      const events = await take(await open(session, 0), 5);
      expect(seqs(events)).toEqual([1, 2, 10, 11, 12]);
      expect(events[2]).toMatchObject({ type: 'SYSTEM', payload: { kind: 'EVENTS_TRIMMED', fromSeq: 3, toSeq: 10 } });
    });

    it('When streaming from 0, Then retained events replay first and live ones follow', async () => {
      const session = newSession();
      await log.append(session, [chunk(1), chunk(2)]);
      const stream = await open(session, 0);
      expect((await take(stream, 2)).map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      await log.append(session, [chunk(3)]);
      expect(await nextEvent(stream)).toMatchObject({ seq: 3, type: 'AI_CHUNK', payload: { n: 3 }, sessionId: session });
    });

    it('When a client reconnects with its last seq, Then it gets exactly the events it missed, none repeated, then live ones', async () => {
      const session = newSession();
      const first = await open(session, 0);
      await log.append(session, range(1, 3).map(chunk));
      const seen = await take(first, 3);
      await first.return?.();
      await log.append(session, range(4, 6).map(chunk));
      const again = await open(session, seen[seen.length - 1].seq);
      await log.append(session, [chunk(7)]);
      expect(seqs(await take(again, 4))).toEqual([4, 5, 6, 7]);
      expect(await endsWithin(again, 100)).toBe(false);
    });

    it('When two streams read one session, Then both get every event', async () => {
      const session = newSession();
      const [a, b] = [await open(session, 0), await open(session, 0)];
      await log.append(session, [chunk(1)]);
      await log.append(session, [chunk(2), chunk(3)]);
      expect(seqs(await take(a, 3))).toEqual([1, 2, 3]);
      expect(seqs(await take(b, 3))).toEqual([1, 2, 3]);
    });

    it('When events are appended to another session, Then this session neither sees nor counts them', async () => {
      const [mine, other] = [newSession(), newSession()];
      const stream = await open(mine, 0);
      await log.append(other, [chunk(1), chunk(2)]);
      await log.append(mine, [chunk(9)]);
      expect(await nextEvent(stream)).toMatchObject({ sessionId: mine, seq: 1, payload: { n: 9 } });
      expect(await log.lastSeq(mine)).toBe(1);
      expect(await log.lastSeq(other)).toBe(2);
    });

    it('When a session is deleted, Then its streams end, its log is gone, and what a writer still running appends is dropped instead of writing the log anew', async () => {
      const session = newSession();
      const stream = await open(session, 0);
      await log.append(session, [chunk(1)]);
      await nextEvent(stream);
      await log.delete(session);
      expect(await endsWithin(stream, 2000)).toBe(true);
      expect(await log.lastSeq(session)).toBe(0);
      // A reply streaming when its chat was deleted keeps appending its chunks.
      expect(await log.append(session, [chunk(2), chunk(3)])).toEqual([]);
      expect(await log.lastSeq(session)).toBe(0);
      // Other sessions are untouched.
      const other = newSession();
      expect(seqs(await log.append(other, [chunk(1)]))).toEqual([1]);
    });

    it('Given a small retention, When more events are appended, Then a stream from 0 starts with EVENTS_TRIMMED and one from a retained seq does not', async () => {
      const small = await create({ maxEvents: 10 });
      const session = newSession();
      try {
        for (let i = 0; i < 10; i++) await small.append(session, range(1, 30).map(chunk));
        const fromStart = await open(session, 0, small);
        const [marker, firstKept] = await take(fromStart, 2);
        // Redis trims approximately (whole stream nodes), so at least maxEvents remain.
        expect(marker).toMatchObject({ type: 'SYSTEM', seq: firstKept.seq - 1, payload: { kind: 'EVENTS_TRIMMED', fromSeq: 1, toSeq: firstKept.seq - 1 } });
        expect(firstKept.seq).toBeGreaterThan(1);
        expect(firstKept.seq).toBeLessThanOrEqual(291);
        expect(seqs(await take(fromStart, 300 - firstKept.seq))).toEqual(range(firstKept.seq + 1, 300));
        const fromKept = await open(session, 295, small);
        expect(seqs(await take(fromKept, 5))).toEqual(range(296, 300));
        await small.delete(session);
      } finally {
        await small.close();
      }
    });

    it('When nothing was appended, Then lastSeq is 0, and afterwards it is the last seq', async () => {
      const session = newSession();
      expect(await log.lastSeq(session)).toBe(0);
      await log.append(session, range(1, 4).map(chunk));
      expect(await log.lastSeq(session)).toBe(4);
    });

    it('Given a stream opened before any append, When the first events come, Then it gets them', async () => {
      const session = newSession();
      const stream = await open(session, 0);
      await log.append(session, [chunk(1), chunk(2)]);
      expect(seqs(await take(stream, 2))).toEqual([1, 2]);
    });

    it('When 1,000 single-event appends are fired without waiting, Then a stream gets all of them in order', async () => {
      const session = newSession();
      const stream = await open(session, 0);
      const appended = await Promise.all(range(1, 1000).map((n) => log.append(session, [chunk(n)])));
      expect(appended.map(([e]) => e.seq)).toEqual(range(1, 1000));
      const events = await take(stream, 1000);
      expect(seqs(events)).toEqual(range(1, 1000));
      expect(events.map((e) => e.payload.n)).toEqual(range(1, 1000));
    });

    it('When a payload is changed after append or a reader tries to change its event, Then the reader cannot (events are frozen) and other readers still get the original', async () => {
      const session = newSession();
      const [a, b] = [await open(session, 0), await open(session, 0)];
      const payload = { list: [1] };
      await log.append(session, [{ type: 'SUGGESTIONS', payload }]);
      payload.list.push(2);
      const fromA = await nextEvent(a);
      // (A TypeError, of whichever realm structuredClone made the array in.)
      expect(() => (fromA.payload.list as number[]).push(3)).toThrow(/not extensible|read only/);
      expect(() => {
        (fromA.payload as Record<string, unknown>).extra = 1;
      }).toThrow(/not extensible|read only/);
      expect(() => {
        (fromA as { seq: number }).seq = 99;
      }).toThrow(/not extensible|read only/);
      expect((await nextEvent(b)).payload).toEqual({ list: [1] });
      expect((await take(await open(session, 0), 1))[0].payload).toEqual({ list: [1] });
    });
  });
}
