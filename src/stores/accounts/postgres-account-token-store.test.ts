import { createHash, randomUUID } from 'node:crypto';
import { suiteSqlConnection } from '../../../test/support/suite-sql-connection';
import { PostgresAccountTokenStore } from './postgres-account-token-store';

const runUrl = process.env.TEST_DATABASE_URL;
const HOUR_MS = 3_600_000;
/** A token's hash, unique per user so tests never collide on the table's key. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

if (runUrl) {
  describe('PostgresAccountTokenStore', () => {
    const connection = suiteSqlConnection(runUrl);
    let store: PostgresAccountTokenStore;
    beforeAll(() => {
      store = new PostgresAccountTokenStore(connection.db);
    });

    const newUser = async () => {
      const id = randomUUID();
      await connection.db.execute(`insert into users (id, email, display_name, created_at, updated_at) values (?::uuid, ?, 'Token test', now(), now())`, [id, `${id}@tokens.test`]);
      return id;
    };
    const inAnHour = () => new Date(Date.now() + HOUR_MS);

    it('When a token is spent, Then it names its user once and never again', async () => {
      const userId = await newUser();
      await store.issue({ hashHex: hashOf(`a-${userId}`), userId, purpose: 'PASSWORD_RESET', expiresAt: inAnHour() }, new Date());

      expect(await store.consume(hashOf(`a-${userId}`), 'EMAIL_VERIFICATION', new Date())).toBeNull();
      expect(await store.consume(hashOf(`a-${userId}`), 'PASSWORD_RESET', new Date())).toBe(userId);
      expect(await store.consume(hashOf(`a-${userId}`), 'PASSWORD_RESET', new Date())).toBeNull();
    });

    it('When many try to spend one token at once, Then exactly one succeeds', async () => {
      const userId = await newUser();
      await store.issue({ hashHex: hashOf(`b-${userId}`), userId, purpose: 'EMAIL_VERIFICATION', expiresAt: inAnHour() }, new Date());

      const spent = await Promise.all(Array.from({ length: 6 }, () => store.consume(hashOf(`b-${userId}`), 'EMAIL_VERIFICATION', new Date())));

      expect(spent.filter((id) => id !== null)).toEqual([userId]);
    });

    it('When a newer token of the same purpose is issued, Then only the newer one works; another purpose’s token is left alone', async () => {
      const userId = await newUser();
      await store.issue({ hashHex: hashOf(`old-${userId}`), userId, purpose: 'PASSWORD_RESET', expiresAt: inAnHour() }, new Date());
      await store.issue({ hashHex: hashOf(`verify-${userId}`), userId, purpose: 'EMAIL_VERIFICATION', expiresAt: inAnHour() }, new Date());
      await store.issue({ hashHex: hashOf(`new-${userId}`), userId, purpose: 'PASSWORD_RESET', expiresAt: inAnHour() }, new Date());

      expect(await store.consume(hashOf(`old-${userId}`), 'PASSWORD_RESET', new Date())).toBeNull();
      expect(await store.consume(hashOf(`new-${userId}`), 'PASSWORD_RESET', new Date())).toBe(userId);
      expect(await store.consume(hashOf(`verify-${userId}`), 'EMAIL_VERIFICATION', new Date())).toBe(userId);
    });

    it('When a token’s expiry has passed at the time given, Then it no longer works; before it, it does', async () => {
      const userId = await newUser();
      const issuedAt = new Date('2026-03-01T10:00:00Z');
      const expiresAt = new Date('2026-03-01T10:30:00Z');
      await store.issue({ hashHex: hashOf(`late-${userId}`), userId, purpose: 'PASSWORD_RESET', expiresAt }, issuedAt);
      expect(await store.consume(hashOf(`late-${userId}`), 'PASSWORD_RESET', expiresAt)).toBeNull();

      await store.issue({ hashHex: hashOf(`early-${userId}`), userId, purpose: 'PASSWORD_RESET', expiresAt }, issuedAt);
      expect(await store.consume(hashOf(`early-${userId}`), 'PASSWORD_RESET', new Date('2026-03-01T10:29:59.999Z'))).toBe(userId);
    });
  });
} else {
  it.skip('PostgresAccountTokenStore (needs TEST_DATABASE_URL)', () => undefined);
}
