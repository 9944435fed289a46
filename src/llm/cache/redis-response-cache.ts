import type { Redis } from 'ioredis';
import { deleteMatching } from '../../stores/redis/delete-matching';
import { userScope } from './cache-key';
import type { ResponseCache } from '../../ports/response-cache.port';

/** Response cache in Redis, shared by every instance, expiring by TTL. */
export class RedisResponseCache implements ResponseCache {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(key, value, 'EX', ttlSeconds);
  }

  async forgetUser(userId: string): Promise<void> {
    await deleteMatching(this.redis, `${userScope(userId)}*`);
  }
}
