import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deleteMatching } from '../redis/delete-matching';
import type { RateDecision, RateLimiter } from '../../ports/rate-limiter.port';

// One atomic script: drop hits older than the window, count, add this hit only if it fits,
// and report the oldest hit so the caller can say when to retry.
const SLIDING_WINDOW = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now, 0}
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return {1, 0, limit - count - 1}
`;

/** Sliding-window rate limits in Redis, shared by every API instance. */
export class RedisRateLimiter implements RateLimiter {
  private readonly script: { soullinkSlidingWindow(key: string, now: number, windowMs: number, limit: number, member: string): Promise<[number, number, number]> };

  constructor(private readonly redis: Redis) {
    // A defined command runs by EVALSHA: the script's text crosses the wire once, not per hit.
    redis.defineCommand('soullinkSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
    this.script = redis as unknown as typeof this.script;
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const [allowed, retryAfterMs, remaining] = await this.script.soullinkSlidingWindow(`soullink:rate:${key}`, Date.now(), windowMs, limit, randomUUID());
    return { allowed: allowed === 1, retryAfterMs: Math.max(0, retryAfterMs), remaining };
  }

  async forget(subject: string): Promise<void> {
    await deleteMatching(this.redis, `soullink:rate:*:${subject.replace(/[*?[\]\\]/g, '\\$&')}`);
  }
}
