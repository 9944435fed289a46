import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { Memory, MemoryStore, NewMemory, RecalledMemory, RecallQuery } from '../../ports/memory-store.port';
import {
  isMemoryId,
  MEMORY_LIMITS,
  validateCorrection,
  validateNewMemory,
  validateRecallQuery,
  validateUserId,
  type MemoryListFilter,
} from '../memory-store/memory-input';
import { blindQueryText, openMemoryText, sealMemoryText } from './sealed-memory-text';

/**
 * Encryption at rest for any MemoryStore: memory texts are sealed with the user's data key
 * (AES-256-GCM, bound to user, persona and view) and handed to the inner store with a blind
 * index of their keyword tokens (sealed-memory-text.ts); recall queries are blinded the same
 * way, so hybrid search works unchanged: the keyword half matches blinded tokens exactly as
 * it matched words, the vector half reads the vectors, which stay in the clear (similarity
 * search needs them; they do not spell the text out). Every memory read comes back in
 * plaintext. Input is checked here first, so callers get the inner store's MemoryInputError
 * for plaintext that breaks its rules.
 */
export class EncryptingMemoryStore implements MemoryStore {
  constructor(
    private readonly inner: MemoryStore,
    private readonly keys: DataKeyRing,
  ) {}

  async add(memory: NewMemory): Promise<Memory> {
    const m = validateNewMemory(memory);
    const key = await this.keys.keyFor(m.userId);
    const stored = await this.inner.add({ ...m, text: sealMemoryText(key, m.text, placeOf(m), MEMORY_LIMITS.maxTextChars) });
    return reveal(stored, key);
  }

  async recall(query: RecallQuery): Promise<RecalledMemory[]> {
    const q = validateRecallQuery(query, () => new Date());
    const key = await this.keys.existingKeyFor(q.userId);
    // No key: nothing of the user's was ever encrypted; any memories are plaintext from before.
    const text = key ? blindQueryText(key, q.text, MEMORY_LIMITS.maxTextChars) : q.text;
    const recalled = await this.inner.recall({ ...query, userId: q.userId, text });
    return recalled.map((r) => ({ ...r, memory: reveal(r.memory, key) }));
  }

  async list(filter: MemoryListFilter): Promise<Memory[]> {
    const memories = await this.inner.list(filter);
    if (memories.length === 0) return memories;
    const key = await this.keys.existingKeyFor(memories[0]!.userId);
    return memories.map((m) => reveal(m, key));
  }

  async get(userId: string, id: string): Promise<Memory | null> {
    const memory = await this.inner.get(userId, id);
    return memory ? reveal(memory, await this.keys.existingKeyFor(memory.userId)) : null;
  }

  async correct(userId: string, id: string, text: string, vector: number[]): Promise<Memory | null> {
    const user = validateUserId(userId);
    const c = validateCorrection(text, vector);
    if (!isMemoryId(id)) return null;
    // The corrected copy keeps the target's persona and view: its ciphertext is bound to them.
    const target = await this.inner.get(user, id);
    if (!target) return null;
    const key = await this.keys.keyFor(user);
    const fixed = await this.inner.correct(user, id, sealMemoryText(key, c.text, placeOf(target), MEMORY_LIMITS.maxTextChars), c.vector);
    return fixed ? reveal(fixed, key) : null;
  }

  forget(userId: string, id: string): Promise<boolean> {
    return this.inner.forget(userId, id);
  }

  deleteByUser(userId: string): Promise<number> {
    return this.inner.deleteByUser(userId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The AAD of a memory text: it opens only as this user's memory of this persona and view. */
function placeOf(m: Pick<Memory, 'userId' | 'personaId' | 'view'>): string {
  return JSON.stringify(['memory', m.userId, m.personaId, m.view]);
}

function reveal(memory: Memory, key: Buffer | null): Memory {
  return { ...memory, text: openMemoryText(key, memory.text, placeOf(memory)) };
}
