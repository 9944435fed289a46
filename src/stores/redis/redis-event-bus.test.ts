import { createLogger } from '../../observability/logger';
import { eventBusContract } from '../event-bus.contract';
import { createRedisConnection, redisReady } from './redis-connection';
import { RedisEventBus } from './redis-event-bus';

const url = process.env.TEST_REDIS_URL;
const logger = createLogger('silent');

async function busOn(redisUrl: string) {
  const pub = createRedisConnection(redisUrl, logger, 'test-pub');
  const sub = createRedisConnection(redisUrl, logger, 'test-sub');
  await Promise.all([redisReady(pub), redisReady(sub)]);
  return { bus: new RedisEventBus(pub, sub), close: async () => void (pub.disconnect(), sub.disconnect()) };
}

if (url) {
  // Two buses on separate connections stand for two processes (an API and a worker).
  eventBusContract('redis', async () => {
    const [a, b] = await Promise.all([busOn(url), busOn(url)]);
    return {
      a: a.bus,
      b: b.bus,
      close: async () => {
        await a.bus.close();
        await b.bus.close();
        await a.close();
        await b.close();
      },
    };
  });
} else {
  it.skip('Redis event bus contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}
