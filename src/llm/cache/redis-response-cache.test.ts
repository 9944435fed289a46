import { createLogger } from '../../observability/logger';
import { createRedisConnection, redisReady } from '../../stores/redis/redis-connection';
import { RedisResponseCache } from './redis-response-cache';
import { responseCacheContract } from './response-cache.contract';

const url = process.env.TEST_REDIS_URL;
if (url) {
  responseCacheContract('redis', async () => {
    const redis = createRedisConnection(url, createLogger('silent'), 'test-cache');
    await redisReady(redis);
    return { cache: new RedisResponseCache(redis), close: async () => redis.disconnect() };
  });
} else {
  it.skip('Redis response cache contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}
