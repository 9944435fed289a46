import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { hasRedisServer, startPrivateRedis } from '../../../test/support/private-redis';
import { isPortOpen } from '../../../test/support/test-services';
import type { ChatEvent, ChatEventLog, NewChatEvent } from '../../ports/chat-event-log.port';
import { createLogger } from '../../observability/logger';
import { createRedisConnection, redisReady } from '../redis/redis-connection';
import { chatEventLogContract, nextEvent } from './chat-event-log.contract';
import { FailoverChatEventLog } from './failover-chat-event-log';
import { InProcessChatEventLog } from './in-process-chat-event-log';
import { RedisChatEventLog } from './redis-chat-event-log';

const url = process.env.TEST_REDIS_URL;
const logger = createLogger('silent');
const chunk = (n: number): NewChatEvent => ({ type: 'AI_CHUNK', payload: { n } });

async function take(stream: AsyncIterableIterator<ChatEvent>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  while (seqs.length < count) seqs.push((await nextEvent(stream)).seq);
  return seqs;
}

async function connections(redisUrl: string): Promise<[Redis, Redis]> {
  const pair: [Redis, Redis] = [createRedisConnection(redisUrl, logger, 'test-chat'), createRedisConnection(redisUrl, logger, 'test-chat-sub')];
  await Promise.all(pair.map((redis) => redisReady(redis)));
  return pair;
}

if (url) {
  const open: Redis[] = [];
  afterEach(() => {
    for (const redis of open.splice(0)) redis.disconnect();
  });
  chatEventLogContract('failover(redis, in-process)', async (options) => {
    const [redis, subscriber] = await connections(url);
    open.push(redis, subscriber);
    return new FailoverChatEventLog(new RedisChatEventLog(redis, subscriber, options), new InProcessChatEventLog(options));
  });
} else {
  it.skip('Failover chat event log contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}

describe('FailoverChatEventLog', () => {
  it('Given a primary that hangs, When appending, Then the fallback answers after the timeout and the primary is skipped until retryMs', async () => {
    const fallback = new InProcessChatEventLog();
    let calls = 0;
    const hanging: ChatEventLog = Object.assign(new InProcessChatEventLog(), {
      append: () => {
        calls++;
        return new Promise<ChatEvent[]>(() => undefined);
      },
    });
    const failures: Error[] = [];
    const log = new FailoverChatEventLog(hanging, fallback, { timeoutMs: 50, retryMs: 10_000, onFailover: (err) => failures.push(err) });
    try {
      const started = Date.now();
      expect((await log.append('s', [chunk(1)], { minSeq: 4 }))[0].seq).toBe(5);
      expect((await log.append('s', [chunk(2)]))[0].seq).toBe(6);
      expect(Date.now() - started).toBeLessThan(1000);
      expect([calls, failures.length]).toEqual([1, 1]);
      expect(await fallback.lastSeq('s')).toBe(6);
    } finally {
      await log.close();
    }
  });

  (hasRedisServer ? it : it.skip)(
    'Given a Redis primary that dies mid-stream, When the chat goes on, Then appends use the fallback with rising seqs, the stream keeps delivering, and Redis takes over again once back',
    async () => {
      const server = await startPrivateRedis();
      let restarted: ChildProcess | undefined;
      const [redis, subscriber] = await connections(server.url);
      const primary = new RedisChatEventLog(redis, subscriber);
      const failures: Error[] = [];
      const log = new FailoverChatEventLog(primary, new InProcessChatEventLog(), { timeoutMs: 200, retryMs: 100, onFailover: (err) => failures.push(err) });
      const session = `failover-${randomUUID()}`;
      try {
        const stream = await log.stream(session, 0);
        for (const n of [1, 2, 3]) await log.append(session, [chunk(n)]);
        expect(await take(stream, 3)).toEqual([1, 2, 3]);

        await server.stop();
        const during: number[] = [];
        for (const n of [4, 5, 6]) during.push(...(await log.append(session, [chunk(n)])).map((e) => e.seq));
        expect(during).toEqual([4, 5, 6]);
        expect(failures.length).toBeGreaterThan(0);
        expect(await take(stream, 3)).toEqual([4, 5, 6]);

        restarted = await restartRedis(server.url);
        await Promise.all([redisReady(redis, 10_000), redisReady(subscriber, 10_000)]);
        await new Promise((r) => setTimeout(r, 150)); // past retryMs: appends try Redis again
        const after = await log.append(session, [chunk(7), chunk(8)]);
        expect(after.map((e) => e.seq)).toEqual([7, 8]);
        expect(await primary.lastSeq(session)).toBe(8);
        expect(await take(stream, 2)).toEqual([7, 8]);
        await stream.return?.();
      } finally {
        await log.close();
        redis.disconnect();
        subscriber.disconnect();
        await server.stop();
        if (restarted) await stopChild(restarted);
      }
    },
  );
});

/** A fresh redis-server on the stopped one's port (its data is gone, as after a crash). */
async function restartRedis(redisUrl: string): Promise<ChildProcess> {
  const port = Number(new URL(redisUrl).port);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(await isPortOpen(port))) {
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error('restarted redis-server did not listen');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
