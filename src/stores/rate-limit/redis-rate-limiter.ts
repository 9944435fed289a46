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

type SlidingWindowReply = [number, number, number];

interface PendingHit {
  args: [key: string, now: number, windowMs: number, limit: number, member: string];
  resolve(reply: SlidingWindowReply): void;
  reject(err: unknown): void;
}

/**
 * Sliding-window rate limits in Redis, shared by every API instance. Every operation counts
 * one hit, so hits are sent in batches: those made while the event loop handles one round of
 * I/O go out together at its end (setImmediate) as one pipeline, one socket write instead of
 * one each. Each hit is still its own atomic script run with its own time, in the order made.
 */
export class RedisRateLimiter implements RateLimiter {
  private pending: PendingHit[] = [];

  constructor(private readonly redis: Redis) {
    // A defined command runs by EVALSHA: the script's text crosses the wire once, not per hit.
    redis.defineCommand('soullinkSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const [allowed, retryAfterMs, remaining] = await new Promise<SlidingWindowReply>((resolve, reject) => {
      if (this.pending.push({ args: [`soullink:rate:${key}`, Date.now(), windowMs, limit, randomUUID()], resolve, reject }) === 1) {
        setImmediate(() => this.send());
      }
    });
    return { allowed: allowed === 1, retryAfterMs: Math.max(0, retryAfterMs), remaining };
  }

  private send(): void {
    const batch = this.pending;
    this.pending = [];
    const pipeline = this.redis.pipeline() as unknown as { soullinkSlidingWindow(...args: PendingHit['args']): void; exec(): Promise<[Error | null, unknown][] | null> };
    for (const hit of batch) pipeline.soullinkSlidingWindow(...hit.args);
    pipeline.exec().then(
      (replies) => {
        batch.forEach((hit, i) => {
          const [err, reply] = replies?.[i] ?? [new Error('rate limiter: no reply from Redis'), undefined];
          if (err) hit.reject(err);
          else hit.resolve(reply as SlidingWindowReply);
        });
      },
      (err: unknown) => batch.forEach((hit) => hit.reject(err)),
    );
  }

  async forget(subject: string): Promise<void> {
    await deleteMatching(this.redis, `soullink:rate:*:${subject.replace(/[*?[\]\\]/g, '\\$&')}`);
  }
}
