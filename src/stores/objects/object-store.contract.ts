import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '../../ports/object-store.port';

/** What every ObjectStore adapter must do; run by each adapter's test. */
export function objectStoreContract(name: string, open: () => Promise<ObjectStore>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let store: ObjectStore;
    const prefix = `users/${randomUUID()}/`;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.deletePrefix(prefix);
      await store.close();
    });

    it('When bytes are put, Then get returns them; a missing key is null', async () => {
      const bytes = Buffer.from([0, 1, 2, 255, 254]);
      await store.put(`${prefix}media/a.bin`, bytes, 'application/octet-stream');
      expect(await store.get(`${prefix}media/a.bin`)).toEqual(bytes);
      expect(await store.get(`${prefix}media/missing.bin`)).toBeNull();
    });

    it('When a key is put again, Then the new bytes replace the old', async () => {
      await store.put(`${prefix}media/b.bin`, Buffer.from('one'), 'text/plain');
      await store.put(`${prefix}media/b.bin`, Buffer.from('two'), 'text/plain');
      expect((await store.get(`${prefix}media/b.bin`))?.toString()).toBe('two');
    });

    it('When objects are listed and deleted by prefix, Then only that prefix goes', async () => {
      const other = `users/${randomUUID()}/`;
      await store.put(`${prefix}media/c.bin`, Buffer.from('c'), 'text/plain');
      await store.put(`${other}media/d.bin`, Buffer.from('d'), 'text/plain');
      expect(await store.list(prefix)).toEqual([`${prefix}media/a.bin`, `${prefix}media/b.bin`, `${prefix}media/c.bin`]);
      await store.delete(`${prefix}media/a.bin`);
      await store.delete(`${prefix}media/a.bin`); // idempotent
      expect(await store.deletePrefix(prefix)).toBe(2);
      expect(await store.list(prefix)).toEqual([]);
      expect((await store.get(`${other}media/d.bin`))?.toString()).toBe('d');
      await store.deletePrefix(other);
    });

    it('When a key tries to leave its place, Then it is refused', async () => {
      await expect(store.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid object key/);
      await expect(store.get('/abs/path')).rejects.toThrow(/invalid object key/);
    });
  });
}
