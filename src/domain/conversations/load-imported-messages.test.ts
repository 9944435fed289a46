import type { TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { loadImportedConversation } from './load-imported-messages';

let seq = 0;
function row(batchId: string, sender: string, role: 'persona' | 'other', text: string, sentAt: string, format = 'WHATSAPP'): TranscriptMessage {
  seq += 1;
  return {
    id: `id${seq}`,
    seq,
    ownerId: 'u1',
    conversationId: 'p1',
    kind: 'IMPORT',
    batchId,
    dedupeKey: `k${seq}`,
    sender,
    role,
    text,
    sentAt: new Date(sentAt),
    metadata: { format },
    createdAt: new Date(),
  };
}

/** Only `list` is read; it pages by seq like the real stores. */
function store(rows: TranscriptMessage[]): TranscriptStore {
  return {
    list: async (_conversation: string, options: { afterSeq?: number; limit?: number } = {}) =>
      rows.filter((r) => r.seq > (options.afterSeq ?? 0)).slice(0, options.limit ?? 100),
  } as unknown as TranscriptStore;
}

describe('loadImportedConversation', () => {
  it('When two imports name the people differently and arrive out of order, Then each side gets one name and the messages are ordered by time', async () => {
    seq = 0;
    const rows = [
      // A later LINE export imported first…
      row('line', '阿明', 'other', '你好', '2026-03-01T10:00:00Z', 'LINE'),
      row('line', '梅', 'persona', '你好呀', '2026-03-01T10:01:00Z', 'LINE'),
      // …then the older WhatsApp export, a group chat with a third person.
      row('wa', 'Alex', 'other', 'hi', '2026-01-01T10:00:00Z'),
      row('wa', 'Mei', 'persona', 'hey', '2026-01-01T10:01:00Z'),
      row('wa', 'Alex', 'other', 'how are you', '2026-01-01T10:02:00Z'),
      row('wa', 'Sam', 'other', 'hi both', '2026-01-01T10:03:00Z'),
      row('wa', 'Mei', 'persona', '[media: image]', '2026-01-01T10:04:00Z'),
      row('wa', 'Mei', 'persona', '[media: image]\nlook at this', '2026-01-01T10:05:00Z'),
    ];
    const c = await loadImportedConversation(store(rows), { id: 'p1', name: 'Mei' }, {});
    expect(c.speakers).toEqual(['Alex', 'Mei']);
    expect(c.messages.map((m) => [m.speaker, m.text])).toEqual([
      ['Alex', 'hi'],
      ['Mei', 'hey'],
      ['Alex', 'how are you'],
      ['Sam', 'hi both'],
      ['Mei', 'look at this'],
      ['Alex', '你好'],
      ['Mei', '你好呀'],
    ]);
    expect(c).toMatchObject({ mediaLeftOut: 1, thirdParty: 1, untimed: 0, truncated: false });
  });

  it('When a range is given, Then only messages sent inside it (inclusive) are loaded, across pages', async () => {
    seq = 0;
    const rows = Array.from({ length: 2500 }, (_, i) => row('b', i % 2 ? 'Mei' : 'Alex', i % 2 ? 'persona' : 'other', `m${i}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()));
    const from = new Date(Date.UTC(2026, 0, 1) + 1000 * 60_000);
    const to = new Date(Date.UTC(2026, 0, 1) + 2099 * 60_000);
    const c = await loadImportedConversation(store(rows), { id: 'p1', name: 'Mei' }, { from, to });
    expect(c.messages).toHaveLength(1100);
    expect(c.messages[0]!.text).toBe('m1000');
    expect(c.messages.at(-1)!.text).toBe('m2099');
  });

  it('When an export had no timestamps (PLAIN), Then its messages have no time and stay in whatever the range', async () => {
    seq = 0;
    const rows = [row('p', 'Alex', 'other', 'hi', '2030-01-01T00:00:00Z', 'PLAIN'), row('p', 'Mei', 'persona', 'hey', '2030-01-01T00:00:00Z', 'PLAIN')];
    const c = await loadImportedConversation(store(rows), { id: 'p1', name: 'Mei' }, { to: new Date('2026-01-01T00:00:00Z') });
    expect(c.messages.map((m) => m.sentAt)).toEqual([null, null]);
    expect(c.untimed).toBe(2);
  });

  it('When the persona is named like the user, Then the persona side is told apart', async () => {
    seq = 0;
    const rows = [row('b', 'Sam', 'other', 'hi', '2026-01-01T00:00:00Z'), row('b', 'Sam S', 'persona', 'hey', '2026-01-01T00:01:00Z')];
    const c = await loadImportedConversation(store(rows), { id: 'p1', name: 'Sam' }, {});
    expect(c.speakers).toEqual(['Sam', 'Sam (partner)']);
    expect(c.messages.map((m) => m.speaker)).toEqual(['Sam', 'Sam (partner)']);
  });
});
