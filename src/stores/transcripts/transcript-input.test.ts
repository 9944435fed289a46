import { randomUUID } from 'node:crypto';
import { chunkMessages, normaliseIds, normaliseListOptions, planAppend, TranscriptInputError } from './transcript-input';
import type { NewTranscriptMessage } from '../../ports/transcript-store.port';

const message = (conversationId: string, dedupeKey: string): NewTranscriptMessage => ({
  ownerId: randomUUID(),
  conversationId,
  kind: 'IMPORT',
  batchId: 'b',
  dedupeKey,
  sender: 's',
  role: 'other',
  text: 't',
  sentAt: new Date(0),
});

describe('transcript input rules', () => {
  it('When rows are chunked, Then chunks keep order and respect both the row and the size budget', () => {
    const rows = [5, 5, 5, 20, 1, 1, 1].map((size, i) => ({ size, i }));
    expect(chunkMessages(rows, 3, 12).map((c) => c.map((r) => r.i))).toEqual([[0, 1], [2], [3], [4, 5, 6]]);
    expect(chunkMessages(rows, 2, 1000).map((c) => c.length)).toEqual([2, 2, 2, 1]);
    expect(chunkMessages([], 2, 10)).toEqual([]);
  });

  it('When an append is planned, Then it groups by conversation in first-seen order and drops repeated keys', () => {
    const plan = planAppend([message('a', '1'), message('b', '1'), message('a', '2'), message('a', '1')]);
    expect(plan.repeatedInCall).toBe(1);
    expect(plan.groups.map((g) => [g.conversationId, g.messages.map((m) => m.dedupeKey)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['1']],
    ]);
  });

  it('When list options are normalised, Then defaults apply, the limit is clamped, and nonsense is refused', () => {
    expect(normaliseListOptions()).toEqual({ limit: 100, order: 'asc' });
    expect(normaliseListOptions({ limit: 5000, order: 'desc', afterSeq: 0 })).toEqual({ limit: 1000, order: 'desc', afterSeq: 0 });
    expect(() => normaliseListOptions({ limit: 0 })).toThrow(TranscriptInputError);
  });

  it('When ids are normalised, Then non-UUIDs and repeats are dropped and case is folded', () => {
    const id = randomUUID();
    expect(normaliseIds([id.toUpperCase(), 'x', id])).toEqual([id]);
  });
});
