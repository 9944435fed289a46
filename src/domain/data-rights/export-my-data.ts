import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../ports/clock.port';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { ObjectStore } from '../../ports/object-store.port';
import type { ShortTermMemory } from '../../ports/short-term-memory.port';
import type { TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { MediaFile } from '../media/media-file.entity';
import { photoObservations } from '../media/photos/analyze-persona-photo';
import { USER_TABLES } from './user-tables';

export interface ExportDeps {
  transcripts: TranscriptStore;
  memories: MemoryStore;
  shortTermMemory: ShortTermMemory;
  /** Uploaded files (sealed; read back decrypted). */
  objects: ObjectStore;
  dataKeys: DataKeyRing;
  clock: Clock;
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

  // Uploaded files, decrypted, with what was read from them (photo observations).
  const media: Record<string, unknown>[] = [];
  for (const file of await em.find(MediaFile, { owner: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })) {
    const bytes = await deps.objects.get(file.objectKey);
    media.push({
      id: file.id,
      purpose: file.purpose,
      personaId: file.persona?.id ?? null,
      contentType: file.contentType,
      createdAt: file.createdAt.toISOString(),
      observations: await photoObservations(deps.dataKeys, file),
      base64: bytes ? bytes.toString('base64') : null,
    });
  }

  return {
    format: 'soullink-export',
    version: 1,
    exportedAt: deps.clock.now().toISOString(),
    userId,
    postgres,
    transcripts,
    memories,
    media,
    shortTermMemory: await deps.shortTermMemory.dump(userId),
    notes: [
      'Uploaded files are included decrypted (base64) under media, with what was read from them; text read from chat screenshots is in transcripts once imported.',
      'Password and token hashes are secrets of the service, not your data, and are left out.',
      'Memory embedding vectors are left out: they are derived from the memory texts included here.',
      'Live chat event logs (kept at most 24 h) and rate-limit counters (kept minutes) are derived from the data above and not included.',
    ],
  };
}
