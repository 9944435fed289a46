import { createLogger } from '../../observability/logger';
import { createRedisConnection, redisReady } from '../redis/redis-connection';
import { RedisRateLimiter } from './redis-rate-limiter';
import { rateLimiterContract } from './rate-limiter.contract';

const url = process.env.TEST_REDIS_URL;
if (url) {
  rateLimiterContract('redis', async () => {
    const redis = createRedisConnection(url, createLogger('silent'), 'test-rate');
    await redisReady(redis);
    return { limiter: new RedisRateLimiter(redis), close: async () => redis.disconnect() };
  });
} else {
  it.skip('Redis rate limiter contract (no Redis server reachable: set TEST_REDIS_URL)', () => undefined);
}
