import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MemoryStore, NewMemory, RecallQuery } from '../../ports/memory-store.port';
import { MemoryInputError } from '../memory-store/memory-input';
import { contractEmbedding, memoryStoreContract } from '../memory-store/memory-store.contract';
import { PostgresMemoryStore } from '../memory-store/postgres-memory-store';
import type { SqlExecutor } from '../postgres/sql-executor';
import { EncryptingMemoryStore } from './encrypting-memory-store';
import { DecryptionError } from './field-cipher';
import { connect, creatingUsers, ensureUser, keyRing } from './fixtures/encryption-test-db';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  memoryStoreContract('encrypted, over postgres', async () => {
    const orm = await connect(runUrl);
    const executor: SqlExecutor = orm.em.getConnection();
    // Each handle has its own key ring (own cache), as another process would.
    return new EncryptingMemoryStore(
      new PostgresMemoryStore(executor, { onClose: () => orm.close(true) }),
      creatingUsers(keyRing(executor), executor),
    );
  });

  describe('EncryptingMemoryStore', () => {
    let orm: MikroORM;
    let db: SqlExecutor;
    let plain: PostgresMemoryStore;
    beforeAll(async () => {
      orm = await connect(runUrl);
      db = orm.em.getConnection();
      plain = new PostgresMemoryStore(db);
    });
    afterAll(() => orm?.close(true));

    const newUser = async () => {
      const id = randomUUID();
      await ensureUser(db, id);
      return id;
    };
    const memory = (userId: string, text: string, fields: Partial<NewMemory> = {}): NewMemory => ({
      userId,
      personaId: 'persona-1',
      view: 'partner',
      kind: 'FACT',
      text,
      importance: 6,
      validFrom: new Date(Date.now() - 86_400_000),
      sourceMessageIds: ['m-1'],
      vector: contractEmbedding(text),
      ...fields,
    });
    const rawTexts = async (userId: string) =>
      ((await db.execute(`select text from memories where user_id = ? order by created_at, id`, [userId])) as { text: string }[]).map((r) => r.text);

    it('When memories are added and corrected, Then the table holds only ciphertext and blind tokens, and every read returns the plaintext', async () => {
      const user = await newUser();
      const store = new EncryptingMemoryStore(plain, keyRing(db));

      const added = await store.add(memory(user, "My sister's name is Mei", { factKey: 'sister.name' }));
      const fixed = await store.correct(user, added.id, 'My sister is called Mei-Lin', contractEmbedding('My sister is called Mei-Lin'));

      for (const text of await rawTexts(user)) {
        expect(text).toMatch(/^encm1[a-z2-7]+( [0-9a-f]{12})+$/);
        expect(text).not.toMatch(/sister|Mei|Lin|name/i);
      }
      expect(added.text).toBe("My sister's name is Mei");
      expect(fixed!.text).toBe('My sister is called Mei-Lin');
      expect((await store.get(user, added.id))!.text).toBe("My sister's name is Mei");
      expect((await store.list({ userId: user, includeInvalid: true })).map((m) => m.text).sort()).toEqual([
        'My sister is called Mei-Lin',
        "My sister's name is Mei",
      ]);
      const [best] = await store.recall({ userId: user, personaId: 'persona-1', view: 'partner', text: 'sister', vector: contractEmbedding('sister') });
      expect(best!.memory.text).toBe('My sister is called Mei-Lin');
    });

    it('When recalling, Then the inner store sees blinded query words, never the words, and the keyword half still ranks', async () => {
      const user = await newUser();
      const queries: RecallQuery[] = [];
      const spying: MemoryStore = Object.assign(Object.create(plain) as PostgresMemoryStore, {
        recall: (q: RecallQuery) => (queries.push(q), plain.recall(q)),
      });
      const store = new EncryptingMemoryStore(spying, keyRing(db));
      const vector = contractEmbedding('unrelated');
      await store.add(memory(user, 'She adores hiking in the Alps', { vector, kind: 'EVENT' }));
      const target = await store.add(memory(user, 'Her grandmother bakes mooncakes', { vector, kind: 'EVENT' }));

      // Same vectors: only the keyword half can tell them apart.
      const recalled = await store.recall({ userId: user, personaId: 'persona-1', view: 'partner', text: 'mooncakes grandmother', vector });

      expect(recalled[0]!.memory.id).toBe(target.id);
      expect(recalled[0]!.similarity).toBeGreaterThan(recalled[1]!.similarity);
      expect(queries[0]!.text).toMatch(/^[0-9a-f]{12} [0-9a-f]{12}$/);
      expect(queries[0]!.vector).toEqual(vector);
    });

    it('When a memory was stored before encryption existed, Then it reads as it is', async () => {
      const user = await newUser();
      const legacy = await plain.add(memory(user, 'Stored in the clear'));
      const store = new EncryptingMemoryStore(plain, keyRing(db));

      expect((await store.get(user, legacy.id))!.text).toBe('Stored in the clear');
      const recalled = await store.recall({ userId: user, personaId: 'persona-1', view: 'partner', text: 'clear', vector: legacy.vector });
      expect(recalled.map((r) => r.memory.text)).toEqual(['Stored in the clear']);
    });

    it('When a ciphertext is moved to another user or persona, Then reading it fails', async () => {
      const [user, stranger] = [await newUser(), await newUser()];
      const store = new EncryptingMemoryStore(plain, keyRing(db));
      const mine = await store.add(memory(user, 'My secret'));
      const theirs = await store.add(memory(stranger, 'Their memory'));
      const otherPersona = await store.add(memory(user, 'Another persona', { personaId: 'persona-2' }));

      await db.execute(`update memories set text = (select text from memories where id = ?::uuid) where id in (?::uuid, ?::uuid)`, [
        mine.id,
        theirs.id,
        otherPersona.id,
      ]);

      await expect(store.get(stranger, theirs.id)).rejects.toThrow(DecryptionError);
      await expect(store.get(user, otherPersona.id)).rejects.toThrow(DecryptionError);
      expect((await store.get(user, mine.id))!.text).toBe('My secret');
    });

    it('When the user’s data key is forgotten, Then their memories can no longer be read', async () => {
      const user = await newUser();
      const keys = keyRing(db);
      const store = new EncryptingMemoryStore(plain, keys);
      const added = await store.add(memory(user, 'Remember me'));

      await keys.forget(user);

      await expect(store.get(user, added.id)).rejects.toThrow(DecryptionError);
      expect(await store.deleteByUser(user)).toBe(1);
    });

    it('When a text is within the limit but too long once encrypted, Then add and correct refuse it with MemoryInputError', async () => {
      const user = await newUser();
      const store = new EncryptingMemoryStore(plain, keyRing(db));
      await expect(store.add(memory(user, '美'.repeat(2000)))).rejects.toThrow(MemoryInputError);
      const added = await store.add(memory(user, '美'.repeat(1600)));
      expect(added.text).toBe('美'.repeat(1600));
      await expect(store.correct(user, added.id, '美'.repeat(2000), contractEmbedding('x'))).rejects.toThrow(MemoryInputError);
      expect(await store.list({ userId: user, includeInvalid: true })).toHaveLength(1);
    });
  });
} else {
  it.skip('Encrypted memory store (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
