import { randomUUID } from 'node:crypto';
import { responseCacheKey } from './cache-key';
import type { ResponseCache } from '../../ports/response-cache.port';

/** The behaviour every ResponseCache adapter must show. */
export function responseCacheContract(name: string, create: () => Promise<{ cache: ResponseCache; close(): Promise<void> }>) {
  describe(`ResponseCache contract: ${name}`, () => {
    let subject: Awaited<ReturnType<typeof create>>;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(() => subject.close());

    it('When a value was stored, Then it is returned until it expires', async () => {
      const key = `test:${randomUUID()}`;
      await subject.cache.set(key, '{"a":1}', 1);
      expect(await subject.cache.get(key)).toBe('{"a":1}');
      await new Promise((r) => setTimeout(r, 1100));
      expect(await subject.cache.get(key)).toBeUndefined();
    });

    it('When a key was never stored, Then it is a miss', async () => {
      expect(await subject.cache.get(`test:${randomUUID()}`)).toBeUndefined();
    });

    it("When a user's answers are forgotten, Then theirs are gone and other users' stay", async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const keyA = responseCacheKey({ userId: a, model: 'm', messages: ['hi'], params: {} });
      const keyB = responseCacheKey({ userId: b, model: 'm', messages: ['hi'], params: {} });
      expect(keyA).not.toBe(keyB);
      await subject.cache.set(keyA, 'a', 60);
      await subject.cache.set(keyB, 'b', 60);
      await subject.cache.forgetUser(a);
      expect(await subject.cache.get(keyA)).toBeUndefined();
      expect(await subject.cache.get(keyB)).toBe('b');
    });

    it('When a key is stored twice, Then the last value wins', async () => {
      const key = `test:${randomUUID()}`;
      await subject.cache.set(key, 'one', 60);
      await subject.cache.set(key, 'two', 60);
      expect(await subject.cache.get(key)).toBe('two');
    });
  });
}
