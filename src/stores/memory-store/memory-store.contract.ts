import { createHash, randomUUID } from 'node:crypto';
import { MemoryInputError } from './memory-input';
import type { Memory, MemoryStore, NewMemory, RecalledMemory } from '../../ports/memory-store.port';

const DAY = 86_400_000;

/**
 * A deterministic stand-in for an embedding model: a hashed bag of words over lowercased
 * words and single CJK characters, L2-normalised. Texts sharing words point the same way,
 * so "what is my sister called?" lies near "my sister's name is Mei" and far from talk of
 * money or hiking, as a real embedding would put them.
 */
export function contractEmbedding(text: string, dimensions = 512): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const tokens = text.toLowerCase().match(/[a-z0-9]+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? [];
  for (const token of tokens) {
    const h = createHash('sha1').update(token).digest().readUInt32BE(0);
    v[h % dimensions] += 1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  // An empty text still needs a non-zero vector: one fixed component.
  if (norm === 0) {
    v[0] = 1;
    return v;
  }
  return v.map((x) => x / norm);
}

/**
 * The behaviour every MemoryStore adapter must show. `create` returns a new handle on one
 * shared store (its own connections, as another process would have); the suite opens two
 * and closes them at the end. Each test works with fresh user and persona ids, so the store
 * need not be empty and nothing is cleaned up between tests.
 */
export function memoryStoreContract(name: string, create: () => Promise<MemoryStore>): void {
  describe(`MemoryStore contract: ${name}`, () => {
    let store: MemoryStore;
    let other: MemoryStore;

    beforeAll(async () => {
      store = await create();
      other = await create();
    });
    afterAll(async () => {
      await store?.close();
      await other?.close();
    });

    let USER = randomUUID();
    let PERSONA = randomUUID();
    beforeEach(() => {
      USER = randomUUID();
      PERSONA = randomUUID();
    });

    const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
    const memory = (text: string, fields: Partial<NewMemory> = {}): NewMemory => ({
      userId: USER,
      personaId: PERSONA,
      view: 'partner',
      kind: 'EVENT',
      text,
      importance: 5,
      validFrom: daysAgo(1),
      sourceMessageIds: [`msg-${randomUUID()}`],
      vector: contractEmbedding(text),
      ...fields,
    });
    const recall = (text: string, fields: Partial<Parameters<MemoryStore['recall']>[0]> = {}) =>
      store.recall({ userId: USER, personaId: PERSONA, view: 'partner', text, vector: contractEmbedding(text), ...fields });
    const texts = (rows: RecalledMemory[]) => rows.map((r) => r.memory.text);
    const ids = (rows: Array<Memory | RecalledMemory>) => rows.map((r) => ('memory' in r ? r.memory.id : r.id));

    describe('add and get', () => {
      it('When a memory is added, Then get returns it with every field intact, valid and stamped', async () => {
        const input = memory("My sister's name is Mei", { kind: 'FACT', factKey: 'sister.name', importance: 7, sourceMessageIds: ['m-1', 'm-2'] });
        const before = Date.now();

        const added = await store.add(input);

        const { vector, validFrom, ...fields } = input;
        expect(added).toMatchObject(fields);
        expect(added.validFrom.getTime()).toBe(validFrom.getTime());
        expect(added.validTo).toBeNull();
        expect(added.createdAt).toBeInstanceOf(Date);
        expect(added.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5000);
        expect(added.vector).toHaveLength(vector.length);
        added.vector.forEach((x, i) => expect(x).toBeCloseTo(vector[i]!, 5));

        const got = await other.get(USER, added.id);
        expect(got).toMatchObject({ ...fields, id: added.id, validTo: null });
        expect(got!.validFrom.getTime()).toBe(validFrom.getTime());
        expect(got!.createdAt.getTime()).toBe(added.createdAt.getTime());
      });

      it('When a memory has no factKey, Then it reads back without one', async () => {
        const added = await store.add(memory('We went to the aquarium'));
        expect('factKey' in added).toBe(false);
        expect('factKey' in (await store.get(USER, added.id))!).toBe(false);
      });

      it('When the id is unknown or not an id, Then get returns null', async () => {
        expect(await store.get(USER, randomUUID())).toBeNull();
        expect(await store.get(USER, 'not-an-id')).toBeNull();
      });

      it.each<[string, Partial<NewMemory>]>([
        ['importance 0', { importance: 0 }],
        ['importance 11', { importance: 11 }],
        ['importance 2.5', { importance: 2.5 }],
        ['empty text', { text: '   ' }],
        ['empty vector', { vector: [] }],
        ['a NaN in the vector', { vector: [0.5, Number.NaN] }],
        ['an unknown view', { view: 'narrator' as never }],
        ['an unknown kind', { kind: 'DREAM' as never }],
        ['an invalid date', { validFrom: new Date('nope') }],
        ['an empty user id', { userId: '' }],
      ])('When a memory has %s, Then add refuses it with MemoryInputError and stores nothing', async (_label, fields) => {
        await expect(store.add(memory('Refused', fields))).rejects.toThrow(MemoryInputError);
        expect(await store.list({ userId: USER, includeInvalid: true })).toEqual([]);
      });
    });

    describe('isolation', () => {
      it('When users, personas and views hold the same memory, Then each sees only its own', async () => {
        const text = 'We had our first kiss at the night market';
        const otherUser = randomUUID();
        const otherPersona = randomUUID();
        const mine = await store.add(memory(text));
        const theirs = await store.add(memory(text, { userId: otherUser }));
        const otherPersonas = await store.add(memory(text, { personaId: otherPersona }));
        const coachs = await store.add(memory(text, { view: 'coach' }));

        expect(ids(await recall(text))).toEqual([mine.id]);
        expect(ids(await recall(text, { view: 'coach' }))).toEqual([coachs.id]);
        expect(ids(await recall(text, { personaId: otherPersona }))).toEqual([otherPersonas.id]);
        expect(ids(await store.recall({ userId: otherUser, personaId: PERSONA, view: 'partner', text, vector: contractEmbedding(text) }))).toEqual([
          theirs.id,
        ]);

        expect(ids(await store.list({ userId: USER, personaId: PERSONA, view: 'partner' }))).toEqual([mine.id]);
        expect(new Set(ids(await store.list({ userId: USER })))).toEqual(new Set([mine.id, otherPersonas.id, coachs.id]));
        expect(ids(await store.list({ userId: USER, view: 'coach' }))).toEqual([coachs.id]);
      });

      it("When another user names my memory, Then get, correct and forget act as if it did not exist", async () => {
        const mine = await store.add(memory('My favourite flower is the peony', { kind: 'FACT', factKey: 'flower.favourite' }));
        const stranger = randomUUID();

        expect(await store.get(stranger, mine.id)).toBeNull();
        expect(await store.correct(stranger, mine.id, 'My favourite flower is the rose', contractEmbedding('rose'))).toBeNull();
        expect(await store.forget(stranger, mine.id)).toBe(false);
        expect(await store.deleteByUser(stranger)).toBe(0);

        expect(await store.get(USER, mine.id)).toMatchObject({ id: mine.id, text: mine.text, validTo: null });
      });
    });

    describe('recall', () => {
      it('When a fact was told weeks earlier, Then a related question recalls it above newer, more important unrelated memories', async () => {
        const fact = await store.add(
          memory("My sister's name is Mei", { kind: 'FACT', factKey: 'sister.name', importance: 6, validFrom: daysAgo(20) }),
        );
        for (const text of [
          'We argued about money on Friday',
          'He loves hiking in the mountains',
          'Our first date was at a ramen bar near the station',
          'She gets nervous before meeting new people',
          'They planned a trip to Kyoto for the spring holidays',
        ]) {
          await store.add(memory(text, { importance: 8, validFrom: daysAgo(1) }));
        }

        const recalled = await recall('What is my sister called?');

        expect(recalled[0]!.memory.id).toBe(fact.id);
        expect(recalled[0]!.memory.text).toBe("My sister's name is Mei");
        for (const r of recalled.slice(1)) {
          expect(recalled[0]!.score).toBeGreaterThan(r.score);
          expect(recalled[0]!.similarity).toBeGreaterThan(r.similarity);
        }
        for (const r of recalled) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.similarity).toBeGreaterThanOrEqual(0);
          expect(r.similarity).toBeLessThanOrEqual(1);
        }
      });

      it('When the fact and the question are in Chinese, Then the fact is recalled first', async () => {
        const fact = await store.add(memory('我妹妹叫美美', { kind: 'FACT', factKey: 'sister.name', validFrom: daysAgo(30) }));
        await store.add(memory('上周五我们因为钱吵架了', { importance: 8 }));
        await store.add(memory('他喜欢周末去山里徒步', { importance: 8 }));
        await store.add(memory('第一次约会在车站附近的拉面店', { importance: 8 }));

        const recalled = await recall('我妹妹叫什么名字？');

        expect(recalled[0]!.memory.id).toBe(fact.id);
        expect(recalled[0]!.score).toBeGreaterThan(recalled[1]!.score);
      });

      it('When two memories are equally similar, Then the more recent ranks first, by the configured half-life', async () => {
        const text = 'We cooked dumplings together';
        const older = await store.add(memory(text, { validFrom: daysAgo(60) }));
        const newer = await store.add(memory(text, { validFrom: daysAgo(1) }));
        const now = new Date();

        const recalled = await recall(text, { now });
        expect(ids(recalled)).toEqual([newer.id, older.id]);
        expect(recalled[0]!.similarity).toBeCloseTo(recalled[1]!.similarity, 6);
        expect(recalled[0]!.score).toBeGreaterThan(recalled[1]!.score);

        // Recency alone: 0.5 ^ (age / half-life).
        const byRecency = await recall(text, { now, weights: { similarity: 0, recency: 1, importance: 0 }, halfLifeDays: 30 });
        expect(byRecency[0]!.score).toBeCloseTo(Math.pow(0.5, (now.getTime() - newer.validFrom.getTime()) / DAY / 30), 4);
        expect(byRecency[1]!.score).toBeCloseTo(Math.pow(0.5, (now.getTime() - older.validFrom.getTime()) / DAY / 30), 4);
        const slower = await recall(text, { now, weights: { similarity: 0, recency: 1, importance: 0 }, halfLifeDays: 120 });
        expect(slower[1]!.score).toBeCloseTo(Math.pow(0.5, 60 / 120), 3);
      });

      it('When two memories are equally similar and equally recent, Then the more important ranks first', async () => {
        const text = 'She said she wants to adopt a cat';
        const validFrom = daysAgo(3);
        const minor = await store.add(memory(text, { validFrom, importance: 3 }));
        const major = await store.add(memory(text, { validFrom, importance: 9 }));

        const recalled = await recall(text);
        expect(ids(recalled)).toEqual([major.id, minor.id]);
        expect(recalled[0]!.similarity).toBeCloseTo(recalled[1]!.similarity, 6);

        const byImportance = await recall(text, { weights: { similarity: 0, recency: 0, importance: 1 } });
        expect(byImportance.map((r) => r.score)).toEqual([expect.closeTo(8 / 9, 6), expect.closeTo(2 / 9, 6)]);
      });

      it('When there are more memories than the limit, Then recall returns the limit (default 8, at most 50)', async () => {
        await Promise.all(Array.from({ length: 55 }, (_, i) => store.add(memory(`Shared moment number ${i} at the park`))));

        expect(await recall('moment at the park')).toHaveLength(8);
        expect(await recall('moment at the park', { limit: 3 })).toHaveLength(3);
        expect(await recall('moment at the park', { limit: 500 })).toHaveLength(50);
      });

      it('When kinds are given, Then only those kinds are recalled', async () => {
        const fact = await store.add(memory('Her birthday is on May 3rd', { kind: 'FACT' }));
        const summary = await store.add(memory('Summary: they talked about her birthday plans', { kind: 'SUMMARY' }));
        await store.add(memory('Event: she celebrated her birthday at a karaoke bar', { kind: 'EVENT' }));

        expect(ids(await recall('birthday', { kinds: ['FACT'] }))).toEqual([fact.id]);
        expect(new Set(ids(await recall('birthday', { kinds: ['FACT', 'SUMMARY'] })))).toEqual(new Set([fact.id, summary.id]));
        expect(await recall('birthday', { kinds: [] })).toEqual([]);
      });

      it('When the user has nothing remembered, Then recall returns an empty list', async () => {
        expect(await recall('anything at all')).toEqual([]);
      });

      it('When a pair holds 100 memories, Then one recall ranks them all quickly', async () => {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) => store.add(memory(`Memory ${i}: talk about topic ${i % 17} and place ${i % 11}`))),
        );
        const started = performance.now();
        const recalled = await recall('talk about topic 3', { limit: 50 });
        const elapsed = performance.now() - started;

        expect(recalled).toHaveLength(50);
        expect(recalled[0]!.memory.text).toMatch(/topic 3 /);
        expect(elapsed).toBeLessThan(2000);
      });

      it('When the query is invalid, Then recall refuses it with MemoryInputError', async () => {
        await expect(recall('x', { vector: [] })).rejects.toThrow(MemoryInputError);
        await expect(recall('x', { halfLifeDays: 0 })).rejects.toThrow(MemoryInputError);
        await expect(recall('x', { weights: { similarity: 0, recency: 0, importance: 0 } })).rejects.toThrow(MemoryInputError);
        await expect(recall('x', { limit: 0 })).rejects.toThrow(MemoryInputError);
      });
    });

    describe('facts change: supersession', () => {
      it('When a fact with the same key is told later, Then the old one gets validTo and recall returns only the new one', async () => {
        const first = await store.add(
          memory('My sister is called Mei', { kind: 'FACT', factKey: 'sister.name', validFrom: daysAgo(40), importance: 6 }),
        );
        const toldAt = daysAgo(2);
        const second = await store.add(memory('My sister is called Lin now', { kind: 'FACT', factKey: 'sister.name', validFrom: toldAt, importance: 6 }));

        expect(second.validTo).toBeNull();
        const old = await store.get(USER, first.id);
        expect(old!.validTo!.getTime()).toBe(toldAt.getTime());
        expect(old!.text).toBe('My sister is called Mei');

        const recalled = await recall('What is my sister called?');
        expect(ids(recalled)).toEqual([second.id]);
        expect(new Set(ids(await recall('What is my sister called?', { includeInvalid: true })))).toEqual(new Set([first.id, second.id]));
        expect(ids(await store.list({ userId: USER }))).toEqual([second.id]);
        expect(ids(await store.list({ userId: USER, includeInvalid: true }))).toEqual([second.id, first.id]);
      });

      it('When a fact older than the current one arrives late, Then it is stored as history and the current one stays', async () => {
        const current = await store.add(memory('He works as a nurse', { kind: 'FACT', factKey: 'job', validFrom: daysAgo(5) }));
        const late = await store.add(memory('He works as a cook', { kind: 'FACT', factKey: 'job', validFrom: daysAgo(50) }));

        expect(late.validTo!.getTime()).toBe(current.validFrom.getTime());
        expect((await store.get(USER, current.id))!.validTo).toBeNull();
        expect(ids(await recall('what is his job', { kinds: ['FACT'] }))).toEqual([current.id]);
      });

      it('When the same key is told in another view, persona or user, or as an unkeyed fact or event, Then nothing is superseded', async () => {
        const base = await store.add(memory('Her dog is named Mochi', { kind: 'FACT', factKey: 'dog.name', validFrom: daysAgo(10) }));
        await store.add(memory('Her dog is named Bao', { kind: 'FACT', factKey: 'dog.name', view: 'coach' }));
        await store.add(memory('Her dog is named Bao', { kind: 'FACT', factKey: 'dog.name', personaId: randomUUID() }));
        await store.add(memory('Her dog is named Bao', { kind: 'FACT', factKey: 'dog.name', userId: randomUUID() }));
        await store.add(memory('Her dog is named Bao', { kind: 'FACT' }));
        await store.add(memory('Her dog was renamed Bao', { kind: 'EVENT', factKey: 'dog.name' }));

        expect((await store.get(USER, base.id))!.validTo).toBeNull();
      });

      it('When many facts of one key arrive at once, Then exactly one stays current and it is the newest', async () => {
        const added = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            store.add(memory(`Her favourite colour is shade ${i}`, { kind: 'FACT', factKey: 'colour', validFrom: daysAgo(10 - i) })),
          ),
        );
        const current = await store.list({ userId: USER });
        expect(ids(current)).toEqual([added[5]!.id]);
        expect(await store.list({ userId: USER, includeInvalid: true })).toHaveLength(6);
      });
    });

    describe('correct', () => {
      it('When a memory is corrected, Then the old one is invalidated now and the corrected one replaces it with the same key', async () => {
        const wrong = await store.add(
          memory('My sister is called May', { kind: 'FACT', factKey: 'sister.name', importance: 7, validFrom: daysAgo(9), sourceMessageIds: ['s-1'] }),
        );
        const before = Date.now();

        const fixed = await store.correct(USER, wrong.id, 'My sister is called Mei', contractEmbedding('My sister is called Mei'));

        expect(fixed).toMatchObject({
          userId: USER,
          personaId: PERSONA,
          view: 'partner',
          kind: 'FACT',
          factKey: 'sister.name',
          importance: 7,
          text: 'My sister is called Mei',
          sourceMessageIds: ['s-1'],
          validTo: null,
        });
        expect(fixed!.id).not.toBe(wrong.id);
        expect(fixed!.validFrom.getTime()).toBeGreaterThanOrEqual(before - 5000);
        const old = await store.get(USER, wrong.id);
        expect(old!.text).toBe('My sister is called May');
        expect(old!.validTo!.getTime()).toBeGreaterThanOrEqual(before - 5000);
        expect(old!.validTo!.getTime()).toBeLessThanOrEqual(Date.now() + 5000);

        expect(texts(await recall('What is my sister called?'))).toEqual(['My sister is called Mei']);
      });

      it('When a memory was already corrected or is unknown, Then correct returns null and writes nothing', async () => {
        const wrong = await store.add(memory('We met in 2019'));
        expect(await store.correct(USER, wrong.id, 'We met in 2020', contractEmbedding('We met in 2020'))).not.toBeNull();

        expect(await store.correct(USER, wrong.id, 'We met in 2021', contractEmbedding('We met in 2021'))).toBeNull();
        expect(await store.correct(USER, randomUUID(), 'x', contractEmbedding('x'))).toBeNull();
        expect(await store.correct(USER, 'nope', 'x', contractEmbedding('x'))).toBeNull();
        expect(texts(await recall('when did we meet'))).toEqual(['We met in 2020']);
        expect(await store.list({ userId: USER, includeInvalid: true })).toHaveLength(2);
      });

      it('When the same memory is corrected twice at once, Then one correction wins and one memory stays current', async () => {
        const wrong = await store.add(memory('Her cat is called Tofu', { kind: 'FACT', factKey: 'cat.name' }));
        const results = await Promise.all([
          store.correct(USER, wrong.id, 'Her cat is called Natto', contractEmbedding('Her cat is called Natto')),
          other.correct(USER, wrong.id, 'Her cat is called Miso', contractEmbedding('Her cat is called Miso')),
        ]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        expect(await store.list({ userId: USER })).toHaveLength(1);
      });

      it('When the correction is empty, Then correct refuses it with MemoryInputError', async () => {
        const m = await store.add(memory('Something'));
        await expect(store.correct(USER, m.id, ' ', contractEmbedding('x'))).rejects.toThrow(MemoryInputError);
        await expect(store.correct(USER, m.id, 'fine', [])).rejects.toThrow(MemoryInputError);
      });
    });

    describe('forget and erasure', () => {
      it('When the user forgets a memory, Then it is gone from get, list and recall, and forgetting again returns false', async () => {
        const keep = await store.add(memory('She prefers tea over coffee'));
        const gone = await store.add(memory('She told me about her ex, Jun'));

        expect(await store.forget(USER, gone.id)).toBe(true);

        expect(await store.get(USER, gone.id)).toBeNull();
        expect(ids(await store.list({ userId: USER, includeInvalid: true }))).toEqual([keep.id]);
        expect(ids(await recall('her ex Jun', { includeInvalid: true }))).toEqual([keep.id]);
        expect(await store.forget(USER, gone.id)).toBe(false);
        expect(await store.forget(USER, 'not-an-id')).toBe(false);
      });

      it('When a user is erased, Then all their memories go, across personas and views, and no one else loses any', async () => {
        const bystander = randomUUID();
        await store.add(memory('One'));
        await store.add(memory('Two', { view: 'coach' }));
        await store.add(memory('Three', { personaId: randomUUID() }));
        const old = await store.add(memory('Four', { kind: 'FACT', factKey: 'k', validFrom: daysAgo(3) }));
        await store.add(memory('Five', { kind: 'FACT', factKey: 'k' }));
        const kept = await store.add(memory('Other user', { userId: bystander }));
        expect((await store.get(USER, old.id))!.validTo).not.toBeNull();

        expect(await store.deleteByUser(USER)).toBe(5);

        expect(await store.list({ userId: USER, includeInvalid: true })).toEqual([]);
        expect(await store.get(USER, old.id)).toBeNull();
        expect(await store.get(bystander, kept.id)).not.toBeNull();
        expect(await store.deleteByUser(USER)).toBe(0);
      });
    });

    describe('list', () => {
      it('When listing, Then memories come newest first and page by limit and offset', async () => {
        const added: Memory[] = [];
        for (let i = 0; i < 5; i++) added.push(await store.add(memory(`Day ${i}`, { validFrom: daysAgo(10 - i) })));
        const newestFirst = ids([...added].reverse());

        expect(ids(await store.list({ userId: USER }))).toEqual(newestFirst);
        expect(ids(await store.list({ userId: USER, limit: 2 }))).toEqual(newestFirst.slice(0, 2));
        expect(ids(await store.list({ userId: USER, limit: 2, offset: 2 }))).toEqual(newestFirst.slice(2, 4));
        expect(ids(await store.list({ userId: USER, limit: 2, offset: 4 }))).toEqual(newestFirst.slice(4));
        await expect(store.list({ userId: USER, limit: 0 })).rejects.toThrow(MemoryInputError);
      });
    });
  });
}
