import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { ShortTermMemory } from '../../ports/short-term-memory.port';
import type { TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { USER_TABLES } from './user-tables';

export interface ExportDeps {
  transcripts: TranscriptStore;
  memories: MemoryStore;
  shortTermMemory: ShortTermMemory;
}

/** Upper bound on one export's transcript messages (a guard against a runaway loop, far above real accounts). */
const MAX_EXPORTED_MESSAGES = 2_000_000;

/**
 * Everything SoulLink holds on the user, as one JSON bundle: their rows in every PostgreSQL
 * table (secrets such as password and token hashes left out), every transcript message
 * (chats, imports, simulations; decrypted), every long-term memory with its history
 * (without the embedding vectors, which are derived from the texts), and what short-term
 * memory (Redis) holds now.
 */
export async function exportMyData(deps: ExportDeps, em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const db = em.getConnection();
  const postgres: Record<string, Record<string, unknown>[]> = {};
  for (const t of USER_TABLES) {
    const rows = await db.execute<Record<string, unknown>[]>(`select * from ${t.table} where ${t.where}`, [userId]);
    postgres[t.table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !t.omit?.includes(column))));
  }

  const transcripts: TranscriptMessage[] = [];
  for (let afterId: string | undefined; transcripts.length < MAX_EXPORTED_MESSAGES; ) {
    const page = await deps.transcripts.listByOwner(userId, { afterId, limit: 1000 });
    transcripts.push(...page);
    if (page.length < 1000) break;
    afterId = page.at(-1)!.id;
  }

  const memories: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await deps.memories.list({ userId, includeInvalid: true, limit: 500, offset });
    memories.push(...page.map(({ vector, ...m }) => ({ ...m, vectorDimensions: vector.length })));
    if (page.length < 500) break;
  }

  return {
    format: 'soullink-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    userId,
    postgres,
    transcripts,
    memories,
    shortTermMemory: await deps.shortTermMemory.dump(userId),
    notes: [
      'Password and token hashes are secrets of the service, not your data, and are left out.',
      'Memory embedding vectors are left out: they are derived from the memory texts included here.',
      'Live chat event logs (kept at most 24 h) and rate-limit counters (kept minutes) are derived from the data above and not included.',
    ],
  };
}
