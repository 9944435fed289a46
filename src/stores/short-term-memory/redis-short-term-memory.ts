import type { Redis } from 'ioredis';
import { deleteMatching, keysMatching } from '../redis/delete-matching';
import { SHORT_TERM_LIMIT, SHORT_TERM_TTL_SECONDS, type RecentTurn, type ShortTermMemory } from '../../ports/short-term-memory.port';

const PREFIX = 'soullink:stm:';

/**
 * Short-term memory as a Redis list per (user, persona): RPUSH + LTRIM keeps the last 100,
 * EXPIRE slides the 24 h window, all in one MULTI so readers never see an untrimmed list.
 */
export class RedisShortTermMemory implements ShortTermMemory {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = SHORT_TERM_TTL_SECONDS,
  ) {}

  async push(userId: string, personaId: string, turn: RecentTurn): Promise<void> {
    const k = PREFIX + userId + ':' + personaId;
    await this.redis.multi().rpush(k, JSON.stringify(turn)).ltrim(k, -SHORT_TERM_LIMIT, -1).expire(k, this.ttlSeconds).exec();
  }

  async recent(userId: string, personaId: string, limit: number): Promise<RecentTurn[]> {
    if (limit <= 0) return [];
    const items = await this.redis.lrange(PREFIX + userId + ':' + personaId, -limit, -1);
    return items.map((item) => JSON.parse(item) as RecentTurn);
  }

  async replace(userId: string, personaId: string, turns: RecentTurn[]): Promise<void> {
    const k = PREFIX + userId + ':' + personaId;
    const tx = this.redis.multi().del(k);
    const kept = turns.slice(-SHORT_TERM_LIMIT);
    if (kept.length > 0) tx.rpush(k, ...kept.map((t) => JSON.stringify(t))).expire(k, this.ttlSeconds);
    await tx.exec();
  }

  async clear(userId: string, personaId?: string): Promise<void> {
    if (personaId) {
      await this.redis.del(PREFIX + userId + ':' + personaId);
      return;
    }
    await deleteMatching(this.redis, `${PREFIX}${userId}:*`);
  }

  async dump(userId: string): Promise<{ personaId: string; turns: RecentTurn[] }[]> {
    const keys = await keysMatching(this.redis, `${PREFIX}${userId}:*`);
    const out: { personaId: string; turns: RecentTurn[] }[] = [];
    for (const k of keys) {
      const items = await this.redis.lrange(k, 0, -1);
      out.push({ personaId: k.slice(PREFIX.length + userId.length + 1), turns: items.map((item) => JSON.parse(item) as RecentTurn) });
    }
    return out;
  }
}
