import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NewTranscriptMessage } from '../../ports/transcript-store.port';
import type { SqlExecutor } from '../postgres/sql-executor';
import { TranscriptInputError } from '../transcripts/transcript-input';
import { PostgresTranscriptStore } from '../transcripts/postgres-transcript-store';
import { transcriptStoreContract } from '../transcripts/transcript-store.contract';
import { EncryptingTranscriptStore } from './encrypting-transcript-store';
import { DecryptionError } from './field-cipher';
import { connect, creatingUsers, ensureUser, keyRing } from './fixtures/encryption-test-db';

const runUrl = process.env.TEST_DATABASE_URL;

if (runUrl) {
  transcriptStoreContract('encrypted, over postgres', async () => {
    const orm = await connect(runUrl);
    const executor: SqlExecutor = orm.em.getConnection();
    // Each handle has its own key ring (own cache), as another process would.
    return new EncryptingTranscriptStore(
      new PostgresTranscriptStore(executor, { onClose: () => orm.close(true) }),
      creatingUsers(keyRing(executor), executor),
    );
  });

  describe('EncryptingTranscriptStore', () => {
    let orm: MikroORM;
    let db: SqlExecutor;
    let plain: PostgresTranscriptStore;
    beforeAll(async () => {
      orm = await connect(runUrl);
      db = orm.em.getConnection();
      plain = new PostgresTranscriptStore(db);
    });
    afterAll(() => orm?.close(true));

    const message = (ownerId: string, conversationId: string, i: number, fields: Partial<NewTranscriptMessage> = {}): NewTranscriptMessage => ({
      ownerId,
      conversationId,
      kind: 'IMPORT',
      batchId: 'import-1',
      dedupeKey: `line-${i}`,
      sender: '小红 Xiaohong',
      role: 'other',
      text: `My sister Mei visits next month (${i})`,
      sentAt: new Date(Date.UTC(2026, 10, 23, 9, 0, i)),
      metadata: { line: i },
      ...fields,
    });
    const newOwner = async () => {
      const id = randomUUID();
      await ensureUser(db, id);
      return id;
    };

    it('When messages are appended, Then the database holds only ciphertext for texts and senders, and reads return the plaintext', async () => {
      const owner = await newOwner();
      const conv = `persona-${randomUUID()}`;
      const store = new EncryptingTranscriptStore(plain, keyRing(db));
      await store.append([message(owner, conv, 1), message(owner, conv, 2)]);

      const raw = (await db.execute(`select text, sender, metadata from transcript_messages where conversation_id = ? order by seq`, [conv])) as {
        text: string;
        sender: string;
        metadata: unknown;
      }[];
      expect(raw).toHaveLength(2);
      for (const row of raw) {
        expect(row.text).toMatch(/^enc1:[A-Za-z0-9_-]+$/);
        expect(row.sender).toMatch(/^enc1:[A-Za-z0-9_-]+$/);
        expect(row.text).not.toMatch(/sister|Mei/);
        expect(row.sender).not.toMatch(/小红|Xiaohong/);
      }
      expect(raw.map((r) => r.metadata)).toEqual([{ line: 1 }, { line: 2 }]);

      const listed = await store.list(conv);
      expect(listed.map((m) => [m.sender, m.text])).toEqual([
        ['小红 Xiaohong', 'My sister Mei visits next month (1)'],
        ['小红 Xiaohong', 'My sister Mei visits next month (2)'],
      ]);
      expect((await store.listByOwner(owner)).map((m) => m.text).sort()).toEqual(listed.map((m) => m.text).sort()); // by id, not seq
    });

    it('When a ciphertext is copied onto another message or another owner’s row, Then reading it fails', async () => {
      const [owner, stranger] = [await newOwner(), await newOwner()];
      const conv = `chat-${randomUUID()}`;
      const store = new EncryptingTranscriptStore(plain, keyRing(db));
      await store.append([message(owner, conv, 1, { text: 'secret one' }), message(owner, conv, 2, { text: 'secret two' })]);
      await store.append([message(stranger, conv, 3, { text: 'their own' })]);

      await db.execute(
        `update transcript_messages set text = (select text from transcript_messages where conversation_id = ? and dedupe_key = 'line-1')
         where conversation_id = ? and dedupe_key in ('line-2', 'line-3')`,
        [conv, conv],
      );

      await expect(store.findByDedupeKey(conv, 'line-2')).rejects.toThrow(DecryptionError);
      await expect(store.findByDedupeKey(conv, 'line-3')).rejects.toThrow(DecryptionError);
      expect((await store.findByDedupeKey(conv, 'line-1'))!.text).toBe('secret one');
    });

    it('When the owner’s data key is forgotten, Then their stored messages can no longer be read', async () => {
      const owner = await newOwner();
      const conv = `chat-${randomUUID()}`;
      const keys = keyRing(db);
      const store = new EncryptingTranscriptStore(plain, keys);
      await store.append([message(owner, conv, 1)]);

      await keys.forget(owner);

      await expect(store.list(conv)).rejects.toThrow(DecryptionError);
      expect(await store.count(conv)).toBe(1);
      expect(await store.deleteByOwner(owner)).toBe(1);
    });

    it('When messages were stored before encryption existed, Then they read as they are, next to encrypted ones', async () => {
      const owner = await newOwner();
      const conv = `import-${randomUUID()}`;
      await plain.append([message(owner, conv, 1, { text: 'written in the clear' })]);
      const store = new EncryptingTranscriptStore(plain, keyRing(db));
      await store.append([message(owner, conv, 2, { text: 'written encrypted' })]);

      expect((await store.list(conv)).map((m) => m.text)).toEqual(['written in the clear', 'written encrypted']);
    });

    it('When a text is within the limit but its ciphertext would not be, Then the append is refused and nothing is written', async () => {
      const owner = await newOwner();
      const conv = `import-${randomUUID()}`;
      const store = new EncryptingTranscriptStore(plain, keyRing(db));

      await expect(store.append([message(owner, conv, 1), message(owner, conv, 2, { text: '美'.repeat(30_000) })])).rejects.toThrow(
        /messages\[1\]\.text: too long to store encrypted/,
      );
      await expect(store.append([message(owner, conv, 1, { sender: '名'.repeat(60) })])).rejects.toBeInstanceOf(TranscriptInputError);
      expect(await store.count(conv)).toBe(0);
      await store.append([message(owner, conv, 3, { text: 'x'.repeat(74_000), sender: 'n'.repeat(160) })]);
      expect((await store.list(conv))[0]!.text).toHaveLength(74_000);
    });
  });
} else {
  it.skip('Encrypted transcript store (TEST_DATABASE_URL unset: run through jest with its globalSetup)', () => undefined);
}
