import { randomUUID } from 'node:crypto';
import { TRANSCRIPT_LIMITS, TranscriptInputError } from './transcript-input';
import type { NewTranscriptMessage, TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';

/**
 * The behaviour every TranscriptStore adapter must show. `create` returns a new handle on
 * one shared store (its own connections, as another process would have); the suite opens
 * two and closes them at the end. Each test works in fresh conversation and owner ids, so
 * the store need not be empty and nothing is cleaned up between tests.
 */
export function transcriptStoreContract(name: string, create: () => Promise<TranscriptStore>): void {
  describe(`TranscriptStore contract: ${name}`, () => {
    let store: TranscriptStore;
    let other: TranscriptStore;

    beforeAll(async () => {
      store = await create();
      other = await create();
    });
    afterAll(async () => {
      await store?.close();
      await other?.close();
    });

    const base = Date.UTC(2026, 10, 23, 9, 0, 0);
    const conversation = () => `conv-${randomUUID()}`;
    const messages = (
      conversationId: string,
      count: number,
      overrides: Partial<NewTranscriptMessage> & { keyPrefix?: string; from?: number } = {},
    ): NewTranscriptMessage[] => {
      const { keyPrefix = 'k', from = 0, ...fields } = overrides;
      return Array.from({ length: count }, (_, i) => ({
        ownerId: fields.ownerId ?? OWNER,
        conversationId,
        kind: 'CHAT' as const,
        batchId: 'batch-1',
        dedupeKey: `${keyPrefix}-${from + i}`,
        sender: 'Alex',
        role: 'user' as const,
        text: `message ${from + i}`,
        sentAt: new Date(base + (from + i) * 1000),
        ...fields,
      }));
    };
    const seqs = (rows: TranscriptMessage[]) => rows.map((m) => m.seq);
    const keys = (rows: TranscriptMessage[]) => rows.map((m) => m.dedupeKey);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const isIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
    let OWNER = randomUUID();
    beforeEach(() => {
      OWNER = randomUUID();
    });

    describe('append and list', () => {
      it('When messages are appended, Then list returns them in append order with seqs 1..n and every field intact', async () => {
        const conv = conversation();
        const input = messages(conv, 3, { kind: 'SIMULATION', role: 'agent', batchId: 'run-7', metadata: { episode: 2, turn: 1 } });
        const before = Date.now();

        expect(await store.append(input)).toEqual({ inserted: 3, duplicates: 0 });

        const listed = await store.list(conv);
        expect(seqs(listed)).toEqual([1, 2, 3]);
        listed.forEach((m, i) => {
          const { sentAt, ...fields } = input[i]!;
          expect(m).toMatchObject(fields);
          expect(m.sentAt).toBeInstanceOf(Date);
          expect(m.sentAt.getTime()).toBe(sentAt.getTime());
          expect(m.createdAt).toBeInstanceOf(Date);
          expect(m.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5000);
          expect(typeof m.id).toBe('string');
        });
        expect(new Set(listed.map((m) => m.id)).size).toBe(3);
        expect(await store.count(conv)).toBe(3);
      });

      it('When a message has no metadata, Then it reads back without metadata', async () => {
        const conv = conversation();
        await store.append(messages(conv, 1));
        const [m] = await store.list(conv);
        expect(m!.metadata ?? undefined).toBeUndefined();
      });

      it('When a later append follows, Then its seqs continue after the earlier ones, in its own order', async () => {
        const conv = conversation();
        await store.append(messages(conv, 2));
        await other.append(messages(conv, 3, { from: 2 }));
        const listed = await store.list(conv);
        expect(seqs(listed)).toEqual([1, 2, 3, 4, 5]);
        expect(keys(listed)).toEqual(['k-0', 'k-1', 'k-2', 'k-3', 'k-4']);
      });

      it('When conversations are appended together, Then each has its own seqs and count', async () => {
        const [c1, c2] = [conversation(), conversation()];
        const [a1, a2] = [messages(c1, 3), messages(c2, 2)];
        const mixed = [a1[0]!, a2[0]!, a1[1]!, a2[1]!, a1[2]!];
        expect(await store.append(mixed)).toEqual({ inserted: 5, duplicates: 0 });
        expect(seqs(await store.list(c1))).toEqual([1, 2, 3]);
        expect(keys(await store.list(c2))).toEqual(['k-0', 'k-1']);
        expect(await store.count(c2)).toBe(2);
      });

      it('When nothing is appended, Then nothing changes', async () => {
        expect(await store.append([])).toEqual({ inserted: 0, duplicates: 0 });
      });

      it('When a conversation is unknown, Then list is empty and count is zero', async () => {
        const conv = conversation();
        expect(await store.list(conv)).toEqual([]);
        expect(await store.count(conv)).toBe(0);
      });
    });

    describe('idempotence', () => {
      it('When the same messages are appended again, Then nothing is added and seqs and ids stay', async () => {
        const conv = conversation();
        const input = messages(conv, 4);
        await store.append(input);
        const first = await store.list(conv);

        expect(await store.append(input)).toEqual({ inserted: 0, duplicates: 4 });
        expect(await other.append(input.map((m) => ({ ...m, text: 'changed', batchId: 'retry' })))).toEqual({
          inserted: 0,
          duplicates: 4,
        });

        expect(await store.list(conv)).toEqual(first);
        expect(await store.count(conv)).toBe(4);
      });

      it('When an append mixes stored and new keys, Then only the new ones are added, after the stored ones, in input order', async () => {
        const conv = conversation();
        const stored = messages(conv, 3);
        await store.append(stored);
        const fresh = messages(conv, 2, { keyPrefix: 'new' });

        const result = await store.append([stored[0]!, fresh[0]!, stored[2]!, fresh[1]!, stored[1]!]);

        expect(result).toEqual({ inserted: 2, duplicates: 3 });
        const listed = await store.list(conv);
        expect(keys(listed)).toEqual(['k-0', 'k-1', 'k-2', 'new-0', 'new-1']);
        expect(seqs(listed)).toEqual([1, 2, 3, 4, 5]);
      });

      it('When one call repeats a key, Then the first occurrence is stored and the repeat counts as a duplicate', async () => {
        const conv = conversation();
        const [a, b] = messages(conv, 2);
        const result = await store.append([a!, b!, { ...a!, text: 'second copy' }]);
        expect(result).toEqual({ inserted: 2, duplicates: 1 });
        const listed = await store.list(conv);
        expect(listed.map((m) => m.text)).toEqual(['message 0', 'message 1']);
      });

      it('When two conversations use the same key, Then both messages are stored', async () => {
        const [c1, c2] = [conversation(), conversation()];
        expect(await store.append([...messages(c1, 1), ...messages(c2, 1)])).toEqual({ inserted: 2, duplicates: 0 });
        expect(await store.count(c1)).toBe(1);
        expect(await store.count(c2)).toBe(1);
      });
    });

    describe('concurrency', () => {
      it('When 5 appends of 50 run at once on one conversation, Then 250 messages hold seqs 1..250, each append in its order', async () => {
        const conv = conversation();
        const batches = range(0, 4).map((b) => messages(conv, 50, { keyPrefix: `b${b}`, batchId: `batch-${b}` }));

        const results = await Promise.all(batches.map((batch, i) => (i % 2 ? other : store).append(batch)));

        expect(results).toEqual(range(0, 4).map(() => ({ inserted: 50, duplicates: 0 })));
        const listed = await store.list(conv, { limit: 1000 });
        expect(seqs(listed)).toEqual(range(1, 250));
        expect(new Set(keys(listed)).size).toBe(250);
        for (let b = 0; b < 5; b++) {
          const mine = listed.filter((m) => m.batchId === `batch-${b}`);
          expect(keys(mine)).toEqual(range(0, 49).map((i) => `b${b}-${i}`));
        }
      });

      it('When 5 identical appends run at once, Then each key is stored once and the counts add up', async () => {
        const conv = conversation();
        const input = messages(conv, 50);

        const results = await Promise.all(range(0, 4).map((i) => (i % 2 ? other : store).append(input)));

        expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(50);
        expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(200);
        const listed = await store.list(conv, { limit: 1000 });
        expect(keys(listed).sort()).toEqual(input.map((m) => m.dedupeKey).sort());
        expect(isIncreasing(seqs(listed))).toBe(true);
        expect(await store.count(conv)).toBe(50);
      });

      it('When overlapping appends race, Then no key is stored twice and no seq is shared', async () => {
        const conv = conversation();
        const calls = range(0, 5).map((i) => messages(conv, 40, { from: i * 20 })); // each overlaps the next by 20
        await Promise.all(calls.map((batch, i) => (i % 2 ? other : store).append(batch)));
        const listed = await store.list(conv, { limit: 1000 });
        expect(listed).toHaveLength(140); // keys k-0..k-139
        expect(new Set(keys(listed)).size).toBe(listed.length);
        expect(new Set(seqs(listed)).size).toBe(listed.length);
      });
    });

    describe('pagination', () => {
      let conv: string;
      beforeAll(async () => {
        conv = conversation();
        await store.append(messages(conv, 10, { ownerId: randomUUID() }));
      });

      it('When afterSeq is given, Then the page starts after it', async () => {
        expect(seqs(await store.list(conv, { afterSeq: 3, limit: 4 }))).toEqual([4, 5, 6, 7]);
      });

      it('When beforeSeq is given, Then the page stops before it', async () => {
        expect(seqs(await store.list(conv, { beforeSeq: 5 }))).toEqual([1, 2, 3, 4]);
      });

      it('When both bounds are given, Then only the seqs strictly between them come back', async () => {
        expect(seqs(await store.list(conv, { afterSeq: 2, beforeSeq: 6 }))).toEqual([3, 4, 5]);
        expect(await store.list(conv, { afterSeq: 5, beforeSeq: 6 })).toEqual([]);
      });

      it('When order is desc, Then the newest come first and beforeSeq pages backwards', async () => {
        expect(seqs(await store.list(conv, { order: 'desc', limit: 3 }))).toEqual([10, 9, 8]);
        expect(seqs(await store.list(conv, { order: 'desc', beforeSeq: 8, limit: 2 }))).toEqual([7, 6]);
        expect(seqs(await store.list(conv, { order: 'desc', afterSeq: 7 }))).toEqual([10, 9, 8]);
      });

      it('When a reader pages with afterSeq, Then it sees every message exactly once', async () => {
        const seen: number[] = [];
        let afterSeq = 0;
        for (;;) {
          const page = await store.list(conv, { afterSeq, limit: 3 });
          if (page.length === 0) break;
          seen.push(...seqs(page));
          afterSeq = page[page.length - 1]!.seq;
        }
        expect(seen).toEqual(range(1, 10));
      });
    });

    describe('limits', () => {
      it('When a conversation holds more than the maximum page, Then list returns 100 by default and at most 1000', async () => {
        const conv = conversation();
        const big = messages(conv, TRANSCRIPT_LIMITS.maxListLimit + 1);
        expect(await store.append(big)).toEqual({ inserted: 1001, duplicates: 0 }); // more than one insert chunk

        expect(await store.list(conv)).toHaveLength(TRANSCRIPT_LIMITS.defaultListLimit);
        const capped = await store.list(conv, { limit: 5000 });
        expect(seqs(capped)).toEqual(range(1, 1000));
        expect(seqs(await store.list(conv, { afterSeq: 1000, limit: 1000 }))).toEqual([1001]);
        expect(await store.count(conv)).toBe(1001);
      });

      it('When a limit or bound is not a positive integer, Then list refuses it', async () => {
        const conv = conversation();
        for (const options of [{ limit: 0 }, { limit: -1 }, { limit: 1.5 }, { afterSeq: Number.NaN }, { beforeSeq: 0.5 }]) {
          await expect(store.list(conv, options)).rejects.toBeInstanceOf(TranscriptInputError);
        }
        await expect(store.list(conv, { order: 'sideways' as 'asc' })).rejects.toBeInstanceOf(TranscriptInputError);
      });

      it('When one message is invalid, Then the whole append is refused and nothing is written', async () => {
        const conv = conversation();
        const [good] = messages(conv, 1);
        const bad: Partial<NewTranscriptMessage>[] = [
          { ownerId: 'not-a-uuid' },
          { role: 'narrator' as 'user' },
          { kind: 'EMAIL' as 'CHAT' },
          { dedupeKey: '' },
          { dedupeKey: 'x'.repeat(TRANSCRIPT_LIMITS.maxKeyChars + 1) },
          { batchId: '' },
          { text: 'nul \u0000 byte' },
          { text: 'x'.repeat(TRANSCRIPT_LIMITS.maxTextChars + 1) },
          { sentAt: new Date(Number.NaN) },
          { metadata: { blob: 'x'.repeat(TRANSCRIPT_LIMITS.maxMetadataBytes) } },
          { metadata: ['not', 'an', 'object'] as unknown as Record<string, unknown> },
        ];
        for (const fields of bad) {
          const invalid = { ...messages(conv, 1, { keyPrefix: 'bad' })[0]!, ...fields };
          await expect(store.append([good!, invalid])).rejects.toBeInstanceOf(TranscriptInputError);
        }
        expect(await store.count(conv)).toBe(0);
      });

      it('When one append carries more than the maximum, Then it is refused', async () => {
        const conv = conversation();
        const [one] = messages(conv, 1);
        const tooMany = Array.from({ length: TRANSCRIPT_LIMITS.maxAppendMessages + 1 }, () => one!);
        await expect(store.append(tooMany)).rejects.toBeInstanceOf(TranscriptInputError);
        expect(await store.count(conv)).toBe(0);
      });

      it('When getByIds is asked for more than the maximum, Then it is refused', async () => {
        const ids = Array.from({ length: TRANSCRIPT_LIMITS.maxGetByIds + 1 }, () => randomUUID());
        await expect(store.getByIds(OWNER, ids)).rejects.toBeInstanceOf(TranscriptInputError);
      });
    });

    describe('getByIds', () => {
      it('When ids are asked for, Then only the owner’s come back, in the order asked, unknown ids skipped', async () => {
        const stranger = randomUUID();
        const conv = conversation();
        await store.append([...messages(conv, 3), ...messages(conv, 2, { ownerId: stranger, keyPrefix: 's' })]);
        const listed = await store.list(conv);
        const [m1, m2, m3, s1] = [listed[0]!, listed[1]!, listed[2]!, listed[3]!];

        const found = await other.getByIds(OWNER, [m3.id, s1.id, randomUUID(), 'not-an-id', m1.id, m3.id]);

        expect(found).toEqual([m3, m1]);
        expect(await store.getByIds(stranger, [m1.id, m2.id, s1.id])).toEqual([s1]);
        expect(await store.getByIds(OWNER, [])).toEqual([]);
        expect(await store.getByIds(randomUUID(), [m1.id])).toEqual([]);
      });

      it('When an owner id is given in upper case, Then it is the same owner', async () => {
        const conv = conversation();
        await store.append(messages(conv, 1, { ownerId: OWNER.toUpperCase() }));
        const [m] = await store.list(conv);
        expect(m!.ownerId).toBe(OWNER);
        expect(await store.getByIds(OWNER.toUpperCase(), [m!.id.toUpperCase()])).toEqual([m]);
      });
    });

    describe('caller-chosen ids', () => {
      it('When a message comes with its own UUID, Then it is stored under that id; a repeat of its key keeps the first row and id', async () => {
        const conv = conversation();
        const [id, later] = [randomUUID(), randomUUID()];
        await store.append(messages(conv, 1, { id }));
        const again = await store.append(messages(conv, 1, { id: later, text: 'a second attempt' }));

        expect(again).toEqual({ inserted: 0, duplicates: 1 });
        expect(await other.findByDedupeKey(conv, 'k-0')).toMatchObject({ id, text: 'message 0' });
        expect(await store.getByIds(OWNER, [later])).toEqual([]);
      });

      it('When an id is not a UUID, Then the append is refused and nothing is stored', async () => {
        const conv = conversation();
        await expect(store.append(messages(conv, 1, { id: 'turn-1' }))).rejects.toBeInstanceOf(TranscriptInputError);
        expect(await store.count(conv)).toBe(0);
      });
    });

    describe('findByDedupeKey', () => {
      it('When a message was appended, Then its key finds it, from another handle too', async () => {
        const conv = conversation();
        await store.append(messages(conv, 3, { metadata: { turn: 2 } }));
        const listed = await store.list(conv);

        expect(await other.findByDedupeKey(conv, 'k-1')).toEqual(listed[1]);
      });

      it('When a key is unknown or belongs to another conversation, Then nothing is found', async () => {
        const [conv, elsewhere] = [conversation(), conversation()];
        await store.append(messages(conv, 1));
        await store.append(messages(elsewhere, 1, { keyPrefix: 'theirs' }));

        expect(await store.findByDedupeKey(conv, 'k-9')).toBeNull();
        expect(await store.findByDedupeKey(conv, 'theirs-0')).toBeNull();
        expect(await store.findByDedupeKey(conversation(), 'k-0')).toBeNull();
      });

      it('When a key is appended again, Then the first message stays, same id and text', async () => {
        const conv = conversation();
        const [first] = messages(conv, 1);
        await store.append([first!]);
        const stored = await store.findByDedupeKey(conv, 'k-0');

        await other.append([{ ...first!, text: 'second copy', batchId: 'retry' }]);

        const found = await store.findByDedupeKey(conv, 'k-0');
        expect(found).toEqual(stored);
        expect(found!.text).toBe('message 0');
      });

      it('When many keys are asked for, Then only the stored ones of that conversation come back, in seq order, once each', async () => {
        const [conv, elsewhere] = [conversation(), conversation()];
        await store.append(messages(conv, 4));
        await store.append(messages(elsewhere, 1, { keyPrefix: 'theirs' }));
        const listed = await store.list(conv);

        const found = await other.findByDedupeKeys(conv, ['k-3', 'missing', 'k-0', 'theirs-0', 'k-3']);

        expect(found).toEqual([listed[0], listed[3]]);
        expect(await store.findByDedupeKeys(conv, [])).toEqual([]);
        expect(await store.findByDedupeKeys(conversation(), ['k-0'])).toEqual([]);
      });

      it('When a key cannot exist or too many are asked for, Then the lookup is refused', async () => {
        const conv = conversation();
        await expect(store.findByDedupeKey(conv, '')).rejects.toBeInstanceOf(TranscriptInputError);
        await expect(store.findByDedupeKey('', 'k-0')).rejects.toBeInstanceOf(TranscriptInputError);
        await expect(store.findByDedupeKeys(conv, ['k-0', 'nul \u0000'])).rejects.toBeInstanceOf(TranscriptInputError);
        const tooMany = range(0, TRANSCRIPT_LIMITS.maxGetByIds).map((i) => `k-${i}`);
        await expect(store.findByDedupeKeys(conv, tooMany)).rejects.toBeInstanceOf(TranscriptInputError);
      });
    });

    describe('deletion', () => {
      it('When a batch is deleted, Then only its messages in that conversation go, and its keys can be appended again', async () => {
        const [conv, elsewhere] = [conversation(), conversation()];
        await store.append(messages(conv, 2, { batchId: 'import-1', keyPrefix: 'a' }));
        await store.append(messages(conv, 2, { batchId: 'import-2', keyPrefix: 'b' }));
        await store.append(messages(conv, 2, { batchId: 'import-1', keyPrefix: 'c' }));
        await store.append(messages(elsewhere, 2, { batchId: 'import-1' }));

        expect(await store.deleteBatch(conv, 'import-1')).toBe(4);

        const left = await store.list(conv);
        expect(keys(left)).toEqual(['b-0', 'b-1']);
        expect(seqs(left)).toEqual([3, 4]);
        expect(await store.count(elsewhere)).toBe(2);
        expect(await store.deleteBatch(conv, 'import-1')).toBe(0);

        expect(await store.append(messages(conv, 2, { batchId: 'import-3', keyPrefix: 'a' }))).toEqual({
          inserted: 2,
          duplicates: 0,
        });
        const after = await store.list(conv);
        expect(keys(after)).toEqual(['b-0', 'b-1', 'a-0', 'a-1']);
        expect(isIncreasing(seqs(after))).toBe(true);
        expect(after[2]!.seq).toBeGreaterThan(6);
      });

      it('When a conversation is deleted, Then all its messages go, others stay, and later appends keep seq increasing', async () => {
        const [conv, kept] = [conversation(), conversation()];
        await store.append(messages(conv, 3));
        await store.append(messages(kept, 2));

        expect(await store.deleteConversation(conv)).toBe(3);

        expect(await store.list(conv)).toEqual([]);
        expect(await store.count(conv)).toBe(0);
        expect(await store.count(kept)).toBe(2);
        expect(await store.deleteConversation(conv)).toBe(0);

        await store.append(messages(conv, 1));
        const [again] = await store.list(conv);
        expect(again!.seq).toBeGreaterThan(3);
      });

      it('When an owner is erased, Then all their messages in every conversation go and nobody else’s', async () => {
        const stranger = randomUUID();
        const [c1, c2] = [conversation(), conversation()];
        await store.append([...messages(c1, 3), ...messages(c2, 2)]);
        await store.append(messages(c2, 2, { ownerId: stranger, keyPrefix: 's' }));
        const strangers = await store.list(c2);

        expect(await other.deleteByOwner(OWNER)).toBe(5);

        expect(await store.count(c1)).toBe(0);
        expect(await store.list(c2)).toEqual(strangers.filter((m) => m.ownerId === stranger));
        expect(await store.deleteByOwner(OWNER)).toBe(0);
        expect(await store.count(c2)).toBe(2);
      });

      it('When one owner exports, Then listByOwner pages through every message of theirs across conversations, and no one else\'s', async () => {
        const stranger = randomUUID();
        const [c1, c2, c3] = [conversation(), conversation(), conversation()];
        await store.append(messages(c1, 4));
        await other.append(messages(c2, 3, { kind: 'IMPORT' }));
        await store.append(messages(c3, 2, { ownerId: stranger }));
        const seen: TranscriptMessage[] = [];
        let afterId: string | undefined;
        for (let page = 0; page < 10; page++) {
          const batch = await other.listByOwner(OWNER, { afterId, limit: 3 });
          if (batch.length === 0) break;
          seen.push(...batch);
          afterId = batch.at(-1)!.id;
        }
        expect(seen).toHaveLength(7);
        expect(new Set(seen.map((m) => m.id)).size).toBe(7);
        expect(seen.every((m) => m.ownerId === OWNER)).toBe(true);
        expect(new Set(seen.map((m) => m.conversationId))).toEqual(new Set([c1, c2]));
        await expect(store.listByOwner(OWNER, { limit: 1001 })).rejects.toBeInstanceOf(TranscriptInputError);
        await expect(store.listByOwner(OWNER, { afterId: 'nope' })).rejects.toBeInstanceOf(TranscriptInputError);
      });

      it('When an owner id is not a UUID, Then erasure and lookup refuse it', async () => {
        await expect(store.deleteByOwner('someone')).rejects.toBeInstanceOf(TranscriptInputError);
        await expect(store.getByIds('someone', [randomUUID()])).rejects.toBeInstanceOf(TranscriptInputError);
      });
    });

    describe('text', () => {
      it('When text holds Chinese, emoji and awkward characters, Then it round-trips exactly', async () => {
        const conv = conversation();
        const texts = [
          '你好，世界！今天过得怎么样？我们周末去爬山吧～',
          '😊👍🏽👩‍❤️‍👨🏳️‍🌈 𠮷野家 🀄️',
          'e\u0301 combining, zero\u200Bwidth, RTL \u202Eabc\u202C, BOM \uFEFF',
          "quotes ' \" ` backslash \\ \\n not-a-newline, real\nnewline\r\n\ttab",
          'placeholders ? ?? $1 :name %s \\? ${x}',
          "'); drop table transcript_messages; --",
          '',
        ];
        const input = texts.map((text, i) => ({
          ...messages(conv, 1, { from: i })[0]!,
          text,
          sender: i === 0 ? '小红 🌸' : 'Alex',
          dedupeKey: `键-${i}-🔑-?`,
          batchId: `导入-${i % 2}`,
          metadata: { 说明: '元数据 ✨', line: i, nested: { quote: "it's", q: '?' }, list: [1, '二', null, true] },
        }));

        expect(await store.append(input)).toEqual({ inserted: texts.length, duplicates: 0 });
        expect(await store.append(input)).toEqual({ inserted: 0, duplicates: texts.length });

        const listed = await other.list(conv);
        expect(listed.map((m) => m.text)).toEqual(texts);
        expect(listed.map((m) => m.sender)).toEqual(input.map((m) => m.sender));
        expect(keys(listed)).toEqual(input.map((m) => m.dedupeKey));
        expect(listed.map((m) => m.metadata)).toEqual(input.map((m) => m.metadata));
        expect(await store.deleteBatch(conv, '导入-1')).toBe(3);
      });

      it('When metadata holds non-JSON values, Then it is stored as JSON', async () => {
        const conv = conversation();
        const at = new Date(base);
        await store.append([{ ...messages(conv, 1)[0]!, metadata: { at, gone: undefined, n: 1.5 } }]);
        const [m] = await store.list(conv);
        expect(m!.metadata).toEqual({ at: at.toISOString(), n: 1.5 });
      });
    });
  });
}
