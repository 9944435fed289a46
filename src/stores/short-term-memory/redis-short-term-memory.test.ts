import { createLogger } from '../../observability/logger';
import { createRedisConnection, redisReady } from '../redis/redis-connection';
import { RedisShortTermMemory } from './redis-short-term-memory';
import { shortTermMemoryContract } from './short-term-memory.contract';

const url = process.env.TEST_REDIS_URL;
if (url) {
  shortTermMemoryContract('redis', async (ttl) => {
    const redis = createRedisConnection(url, createLogger('silent'), 'test-stm');
    await redisReady(redis);
    return { memory: new RedisShortTermMemory(redis, ttl), close: async () => redis.disconnect() };
  });
} else {
  it.skip('Redis short-term memory contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}
