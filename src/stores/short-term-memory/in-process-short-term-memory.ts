import { SHORT_TERM_LIMIT, SHORT_TERM_TTL_SECONDS, type RecentTurn, type ShortTermMemory } from '../../ports/short-term-memory.port';

/** Short-term memory in this process (embedded default): capped lists with a sliding TTL. */
export class InProcessShortTermMemory implements ShortTermMemory {
  private readonly lists = new Map<string, { turns: RecentTurn[]; expiresAt: number }>();

  constructor(private readonly ttlSeconds = SHORT_TERM_TTL_SECONDS) {}

  async push(userId: string, personaId: string, turn: RecentTurn): Promise<void> {
    const entry = this.live(key(userId, personaId)) ?? { turns: [], expiresAt: 0 };
    entry.turns.push(turn);
    if (entry.turns.length > SHORT_TERM_LIMIT) entry.turns.splice(0, entry.turns.length - SHORT_TERM_LIMIT);
    entry.expiresAt = Date.now() + this.ttlSeconds * 1000;
    this.lists.set(key(userId, personaId), entry);
  }

  async recent(userId: string, personaId: string, limit: number): Promise<RecentTurn[]> {
    return (this.live(key(userId, personaId))?.turns ?? []).slice(-Math.max(0, limit)).map((t) => ({ ...t }));
  }

  async replace(userId: string, personaId: string, turns: RecentTurn[]): Promise<void> {
    this.lists.set(key(userId, personaId), { turns: turns.slice(-SHORT_TERM_LIMIT).map((t) => ({ ...t })), expiresAt: Date.now() + this.ttlSeconds * 1000 });
  }

  async clear(userId: string, personaId?: string): Promise<void> {
    for (const k of [...this.lists.keys()]) if (personaId ? k === key(userId, personaId) : k.startsWith(`${userId}:`)) this.lists.delete(k);
  }

  async dump(userId: string): Promise<{ personaId: string; turns: RecentTurn[] }[]> {
    const out: { personaId: string; turns: RecentTurn[] }[] = [];
    for (const k of [...this.lists.keys()]) {
      if (!k.startsWith(`${userId}:`)) continue;
      const entry = this.live(k);
      if (entry) out.push({ personaId: k.slice(userId.length + 1), turns: entry.turns.map((t) => ({ ...t })) });
    }
    return out;
  }

  private live(k: string) {
    const entry = this.lists.get(k);
    if (entry && entry.expiresAt <= Date.now()) {
      this.lists.delete(k);
      return undefined;
    }
    return entry;
  }
}

const key = (userId: string, personaId: string) => `${userId}:${personaId}`;
