import type { NewTranscriptMessage, TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { FencedTranscriptStore } from './fenced-transcripts';

/** Just enough of a store: keyed appends, first writer wins. */
function memoryStore(): TranscriptStore {
  const rows: TranscriptMessage[] = [];
  return {
    append: async (messages: NewTranscriptMessage[]) => {
      let inserted = 0;
      for (const m of messages) {
        if (rows.some((r) => r.conversationId === m.conversationId && r.dedupeKey === m.dedupeKey)) continue;
        rows.push({ ...m, id: m.id ?? `row-${rows.length}`, seq: rows.length + 1, createdAt: new Date() });
        inserted += 1;
      }
      return { inserted, duplicates: messages.length - inserted };
    },
    findByDedupeKeys: async (conversationId: string, keys: string[]) => rows.filter((r) => r.conversationId === conversationId && keys.includes(r.dedupeKey)),
  } as unknown as TranscriptStore;
}

const line = (id: string, dedupeKey: string): NewTranscriptMessage => ({
  id,
  dedupeKey,
  ownerId: 'u',
  conversationId: 'run-1:s:0',
  kind: 'SIMULATION',
  batchId: 'run-1',
  sender: 'Alex',
  role: 'user',
  text: 'Hi',
  sentAt: new Date(),
});

describe('FencedTranscriptStore', () => {
  it('When the same line is appended again (a retried write), Then nothing is reported', async () => {
    const conflicts: number[] = [];
    const store = new FencedTranscriptStore(memoryStore(), new AbortController().signal, () => conflicts.push(1));
    await store.append([line('a', '1:self')]);
    expect(await store.append([line('a', '1:self')])).toEqual({ inserted: 0, duplicates: 1 });
    expect(conflicts).toEqual([]);
  });

  it('When another holder stored a different line under the key, Then the conflict is reported', async () => {
    const conflicts: number[] = [];
    const inner = memoryStore();
    await inner.append([line('theirs', '1:self')]);
    await new FencedTranscriptStore(inner, new AbortController().signal, () => conflicts.push(1)).append([line('mine', '1:self')]);
    expect(conflicts).toEqual([1]);
  });

  it('When the holder has lost its run lock, Then it appends nothing more', async () => {
    const lost = new AbortController();
    const inner = memoryStore();
    const store = new FencedTranscriptStore(inner, lost.signal, () => undefined);
    lost.abort(new Error('terminating connection due to administrator command'));
    await expect(store.append([line('a', '1:self')])).rejects.toThrow('terminating connection');
    expect(await inner.findByDedupeKeys('run-1:s:0', ['1:self'])).toEqual([]);
  });
});
