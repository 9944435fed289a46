import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLogger } from '../../observability/logger';
import { createRedisConnection, redisReady } from '../redis/redis-connection';
import { chatEventLogContract, nextEvent } from './chat-event-log.contract';
import { RedisChatEventLog } from './redis-chat-event-log';

const url = process.env.TEST_REDIS_URL;

if (url) {
  const connections: Redis[] = [];
  const connect = async (name: string) => {
    const redis = createRedisConnection(url, createLogger('silent'), name);
    connections.push(redis);
    await redisReady(redis);
    return redis;
  };
  /** A log on its own connections, as another process would have. */
  const newLog = async () => new RedisChatEventLog(await connect('test-chat'), await connect('test-chat-sub'));
  afterEach(() => {
    for (const redis of connections.splice(0)) redis.disconnect();
  });

  chatEventLogContract('redis', async (options) => new RedisChatEventLog(await connect('test-chat'), await connect('test-chat-sub'), options));

  describe('RedisChatEventLog', () => {
    it('Given two processes, When one appends, Then a stream in the other gets the events live', async () => {
      const [writer, reader] = [await newLog(), await newLog()];
      const session = `redis-${randomUUID()}`;
      try {
        const stream = await reader.stream(session, 0);
        await writer.append(session, [{ type: 'AI_CHUNK', payload: { text: 'a' } }]);
        expect(await nextEvent(stream)).toMatchObject({ seq: 1, payload: { text: 'a' } });
        await writer.delete(session);
        expect((await stream.next()).done).toBe(true);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });

    it('Given the subscriber connection drops, When events are appended meanwhile, Then the stream catches up from the log once it is back', async () => {
      const redis = await connect('test-chat');
      const subscriber = await connect('test-chat-sub');
      const log = new RedisChatEventLog(redis, subscriber);
      const session = `redis-${randomUUID()}`;
      try {
        const stream = await log.stream(session, 0);
        subscriber.disconnect(true);
        await log.append(session, [{ type: 'AI_CHUNK', payload: { n: 1 } }]);
        await log.append(session, [{ type: 'AI_COMPLETE', payload: { n: 2 } }]);
        expect([(await nextEvent(stream)).seq, (await nextEvent(stream)).seq]).toEqual([1, 2]);
        await log.delete(session);
      } finally {
        await log.close();
      }
    });

    it('Given no onError, When a background unsubscribe fails (its connection is gone), Then it becomes a process warning with the message, not an unhandled rejection', async () => {
      const subscriber = await connect('test-chat-sub');
      const log = new RedisChatEventLog(await connect('test-chat'), subscriber);
      // Passes through to Node's emitWarning, which throws on an Error made in this test's sandbox realm.
      const emitWarning = jest.spyOn(process, 'emitWarning');
      try {
        const stream = await log.stream(`redis-${randomUUID()}`, 0);
        subscriber.disconnect();
        // The last reader leaving unsubscribes, in the background, on the closed connection.
        await stream.return?.();
        const deadline = Date.now() + 5_000;
        while (emitWarning.mock.calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(emitWarning.mock.calls).toEqual([[expect.stringMatching(/^chat event log: \S/)]]);
      } finally {
        emitWarning.mockRestore();
        await log.close();
      }
    });

    it('When a malformed message arrives on the channel, Then the stream fails instead of skipping it', async () => {
      const redis = await connect('test-chat');
      const log = new RedisChatEventLog(redis, await connect('test-chat-sub'));
      const session = `redis-${randomUUID()}`;
      try {
        const stream = await log.stream(session, 0);
        await redis.publish(`soullink:chat:{${session}}:live`, '{"first":1,"events":"nope"}');
        await expect(stream.next()).rejects.toThrow(/malformed chat event message/);
        expect((await stream.next()).done).toBe(true);
      } finally {
        await log.close();
      }
    });

    it('When an event type is unknown or a payload is not an object, Then append rejects and stores nothing', async () => {
      const log = await newLog();
      const session = `redis-${randomUUID()}`;
      try {
        await expect(log.append(session, [{ type: 'NOPE' as 'SYSTEM', payload: {} }])).rejects.toThrow(TypeError);
        await expect(log.append(session, [{ type: 'SYSTEM', payload: [] as unknown as Record<string, unknown> }])).rejects.toThrow(TypeError);
        expect(await log.lastSeq(session)).toBe(0);
      } finally {
        await log.close();
      }
    });
  });
} else {
  it.skip('Redis chat event log contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}
