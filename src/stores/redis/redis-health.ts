import type { Redis } from 'ioredis';
import type { DependencyHealth, HealthCheck } from '../../ports/health-check.port';
import { withTimeout } from '../shared/with-timeout';

/** Redis readiness. Without REDIS_URL the in-process defaults serve: `ok`, mode in-process. */
export class RedisHealth implements HealthCheck {
  readonly name = 'redis' as const;

  constructor(private readonly redis: Redis | undefined) {}

  async check(): Promise<DependencyHealth> {
    if (!this.redis) return { status: 'ok', mode: 'in-process' };
    try {
      await withTimeout(this.redis.ping(), 1000);
      return { status: 'ok', mode: 'external' };
    } catch (err) {
      return { status: 'down', mode: 'external', detail: (err as Error).message.slice(0, 200) };
    }
  }
}
