import { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger';

/**
 * A Redis connection tuned to fail fast: commands error at once while disconnected instead
 * of queueing, so callers can fail open (rate limits, cache) and keep serving.
 * It keeps reconnecting in the background.
 */
export function createRedisConnection(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: `soullink:${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis emits on every reconnect attempt; log each distinct error once.
    if (err.message !== lastError) logger.warn({ component: 'redis', connection: name, err: err.message }, 'redis error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) logger.info({ component: 'redis', connection: name }, 'redis reconnected');
    lastError = '';
  });
  return redis;
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
