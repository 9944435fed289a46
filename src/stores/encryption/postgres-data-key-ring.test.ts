import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlExecutor } from '../postgres/sql-executor';
import { DecryptionError, decryptText, encryptText } from './field-cipher';
import { TEST_MASTER_KEY, connect, ensureUser, keyRing } from './fixtures/encryption-test-db';
import { DataKeyError, PostgresDataKeyRing } from './postgres-data-key-ring';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  describe('PostgresDataKeyRing', () => {
    let orm: MikroORM;
    let db: SqlExecutor;
    beforeAll(async () => {
      orm = await connect(runUrl);
      db = orm.em.getConnection();
    });
    afterAll(() => orm?.close(true));

    const newUser = async () => {
      const id = randomUUID();
      await ensureUser(db, id);
      return id;
    };
    const rows = (userId: string) =>
      db.execute(`select key_id, encode(wrapped_key, 'hex') as wrapped from user_data_keys where user_id = ?::uuid`, [userId]) as Promise<
        { key_id: string; wrapped: string }[]
      >;
    /** An executor that counts the statements it runs. */
    const counting = () => {
      const statements: string[] = [];
      const executor: SqlExecutor = { execute: (sql, params) => (statements.push(sql), db.execute(sql, params)) };
      return { executor, statements };
    };

    it('When a user’s key is asked for again, from this process or another, Then it is the same key, stored once, wrapped', async () => {
      const user = await newUser();
      const ring = keyRing(db);

      const key = await ring.keyFor(user);

      expect(key).toHaveLength(32);
      expect((await ring.keyFor(user)).equals(key)).toBe(true);
      expect((await keyRing(db).keyFor(user.toUpperCase())).equals(key)).toBe(true);
      expect((await keyRing(db).existingKeyFor(user))!.equals(key)).toBe(true);
      const stored = await rows(user);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.key_id).toBe('k1');
      expect(stored[0]!.wrapped).toHaveLength((12 + 16 + 32) * 2);
      expect(stored[0]!.wrapped).not.toContain(key.toString('hex'));
    });

    it('When many processes ask for a new user’s key at once, Then all get the one key that was stored', async () => {
      const user = await newUser();
      const rings = Array.from({ length: 6 }, () => keyRing(db));

      const keys = await Promise.all(rings.flatMap((ring) => [ring.keyFor(user), ring.keyFor(user)]));

      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      expect(await rows(user)).toHaveLength(1);
    });

    it('When a user has no key, Then existingKeyFor returns null and creates none', async () => {
      const user = await newUser();
      expect(await keyRing(db).existingKeyFor(user)).toBeNull();
      expect(await keyRing(db).existingKeyFor('not-a-uuid')).toBeNull();
      expect(await rows(user)).toEqual([]);
    });

    it('When the master key is not the one that wrapped the data key, Then unwrapping fails with a clear error', async () => {
      const user = await newUser();
      await keyRing(db).keyFor(user);

      const wrong = keyRing(db, { masterKey: randomBytes(32) });
      await expect(wrong.existingKeyFor(user)).rejects.toThrow(DataKeyError);
      await expect(wrong.keyFor(user)).rejects.toThrow(/does not unwrap with master key "k1"/);
      await expect(keyRing(db, { masterKeyId: 'k2', masterKey: randomBytes(32) }).keyFor(user)).rejects.toThrow(
        /wrapped by master key "k1", which is not configured \(MASTER_KEY_ID is "k2"\)/,
      );
    });

    it('When the master key was rotated, Then keys wrapped by the retired one still open and new ones use the new id', async () => {
      const [before, after] = [await newUser(), await newUser()];
      const old = await keyRing(db).keyFor(before);

      const rotated = keyRing(db, { masterKeyId: 'k2', masterKey: randomBytes(32), retiredMasterKeys: { k1: TEST_MASTER_KEY } });

      expect((await rotated.keyFor(before)).equals(old)).toBe(true);
      await rotated.keyFor(after);
      expect((await rows(after))[0]!.key_id).toBe('k2');
    });

    it('When a user is forgotten, Then their key is gone everywhere and what it encrypted can no longer be read', async () => {
      const user = await newUser();
      const ring = keyRing(db);
      const other = keyRing(db, { cacheTtlMs: 0 });
      const key = await ring.keyFor(user);
      const secret = encryptText(key, 'a message written before the erasure', user);
      await other.keyFor(user);

      await ring.forget(user);

      expect(await ring.existingKeyFor(user)).toBeNull();
      expect(await other.existingKeyFor(user)).toBeNull();
      expect(await rows(user)).toEqual([]);
      const fresh = await ring.keyFor(user);
      expect(fresh.equals(key)).toBe(false);
      expect(() => decryptText(fresh, secret, user)).toThrow(DecryptionError);
      await expect(ring.forget(user)).resolves.toBeUndefined();
      await expect(ring.forget('not-a-uuid')).resolves.toBeUndefined();
    });

    it('When a text is sealed for its place, Then it opens only there, and not at all once the user is forgotten', async () => {
      const user = await newUser();
      const ring = keyRing(db);
      const place = JSON.stringify(['media', 'analysis', user, 'file-1']);
      const sealed = await ring.sealText(user, 'observations', place);

      expect(sealed).not.toContain('observations');
      expect(await keyRing(db).openText(user, sealed, place)).toBe('observations');
      await expect(ring.openText(user, sealed, JSON.stringify(['media', 'analysis', user, 'file-2']))).rejects.toThrow(DecryptionError);
      expect(await ring.openText(user, 'written before encryption', place)).toBe('written before encryption');
      await ring.forget(user);
      expect(await ring.openText(user, sealed, place)).toBeNull();
    });

    it('When the user row is deleted, Then the key goes with it', async () => {
      const user = await newUser();
      await keyRing(db).keyFor(user);

      await db.execute('delete from users where id = ?::uuid', [user]);

      expect(await rows(user)).toEqual([]);
      expect(await keyRing(db).existingKeyFor(user)).toBeNull();
    });

    it('When the user id is not a UUID or names no user, Then keyFor refuses with DataKeyError', async () => {
      await expect(keyRing(db).keyFor('someone')).rejects.toThrow(DataKeyError);
      await expect(keyRing(db).keyFor(randomUUID())).rejects.toThrow(/no user/);
    });

    it('When a key is used again, Then it comes from the cache without a query until it expires', async () => {
      const user = await newUser();
      let now = 1_000_000;
      const { executor, statements } = counting();
      const ring = keyRing(executor, { clock: () => now });

      const key = await ring.keyFor(user);
      const afterFirst = statements.length;
      for (let i = 0; i < 20; i++) {
        expect((await ring.keyFor(user)).equals(key)).toBe(true);
        expect((await ring.existingKeyFor(user))!.equals(key)).toBe(true);
      }
      expect(statements).toHaveLength(afterFirst);

      now += 10 * 60_000;
      expect((await ring.existingKeyFor(user))!.equals(key)).toBe(true);
      expect(statements).toHaveLength(afterFirst + 1);
    });

    it('When more users are cached than the bound, Then the least recently used is read again', async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      const { executor, statements } = counting();
      const ring = new PostgresDataKeyRing(executor, { masterKey: TEST_MASTER_KEY, masterKeyId: 'k1', cacheSize: 2 });
      for (const user of [a, b, c]) await ring.keyFor(user);
      const before = statements.length;

      await ring.existingKeyFor(c);
      await ring.existingKeyFor(b);
      expect(statements).toHaveLength(before);
      await ring.existingKeyFor(a);
      expect(statements).toHaveLength(before + 1);
    });

    it('When the master key is not 32 bytes, Then the ring refuses to start', () => {
      expect(() => keyRing(db, { masterKey: randomBytes(16) })).toThrow(TypeError);
    });
  });
} else {
  it.skip('PostgreSQL data key ring (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
