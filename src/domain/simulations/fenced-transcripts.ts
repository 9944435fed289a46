import type { NewTranscriptMessage, TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';

/**
 * The transcript store as one holder of a run writes to it. A holder whose run lock broke
 * (its PostgreSQL session was terminated) may find another worker running the same run: from
 * the moment it learns of it (`signal` aborted) it appends nothing more. An append that meets
 * a line another writer stored under the same key (a turn's key) is reported to `onConflict`:
 * the run was written by two holders for a moment, and the run is tried again rather than
 * failed (see runSimulation).
 */
export class FencedTranscriptStore implements TranscriptStore {
  constructor(
    private readonly inner: TranscriptStore,
    private readonly signal: AbortSignal,
    private readonly onConflict: () => void,
  ) {}

  async append(messages: NewTranscriptMessage[]): Promise<{ inserted: number; duplicates: number }> {
    this.signal.throwIfAborted();
    const result = await this.inner.append(messages);
    if (result.duplicates > 0) {
      for (const conversationId of new Set(messages.map((m) => m.conversationId))) {
        const mine = messages.filter((m) => m.conversationId === conversationId && m.id);
        const stored = await this.inner.findByDedupeKeys(conversationId, mine.map((m) => m.dedupeKey));
        if (stored.some((row) => mine.find((m) => m.dedupeKey === row.dedupeKey)?.id !== row.id)) this.onConflict();
      }
    }
    return result;
  }

  list(...args: Parameters<TranscriptStore['list']>): Promise<TranscriptMessage[]> {
    return this.inner.list(...args);
  }
  getByIds(ownerId: string, ids: string[]): Promise<TranscriptMessage[]> {
    return this.inner.getByIds(ownerId, ids);
  }
  findByDedupeKey(conversationId: string, dedupeKey: string): Promise<TranscriptMessage | null> {
    return this.inner.findByDedupeKey(conversationId, dedupeKey);
  }
  findByDedupeKeys(conversationId: string, dedupeKeys: string[]): Promise<TranscriptMessage[]> {
    return this.inner.findByDedupeKeys(conversationId, dedupeKeys);
  }
  count(conversationId: string): Promise<number> {
    return this.inner.count(conversationId);
  }
  listByOwner(...args: Parameters<TranscriptStore['listByOwner']>): Promise<TranscriptMessage[]> {
    return this.inner.listByOwner(...args);
  }
  deleteBatch(conversationId: string, batchId: string): Promise<number> {
    return this.inner.deleteBatch(conversationId, batchId);
  }
  deleteConversation(conversationId: string): Promise<number> {
    return this.inner.deleteConversation(conversationId);
  }
  deleteByOwner(ownerId: string): Promise<number> {
    return this.inner.deleteByOwner(ownerId);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
