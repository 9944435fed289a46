import { randomUUID } from 'node:crypto';
import type { RateLimiter } from '../../ports/rate-limiter.port';

/** The behaviour every RateLimiter adapter must show. */
export function rateLimiterContract(name: string, create: () => Promise<{ limiter: RateLimiter; close(): Promise<void> }>) {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: Awaited<ReturnType<typeof create>>;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(() => subject.close());

    it("When a subject is forgotten, Then its counters start over and other subjects' stay", async () => {
      const [me, you] = [`user:${randomUUID()}`, `user:${randomUUID()}`];
      for (const key of [`chat:${me}`, `global:${me}`, `global:${you}`]) await subject.limiter.hit(key, 1, 60_000);
      await subject.limiter.forget(me);
      expect((await subject.limiter.hit(`chat:${me}`, 1, 60_000)).allowed).toBe(true);
      expect((await subject.limiter.hit(`global:${me}`, 1, 60_000)).allowed).toBe(true);
      expect((await subject.limiter.hit(`global:${you}`, 1, 60_000)).allowed).toBe(false);
    });

    it('When hits stay within the limit, Then all are allowed with the remaining count going down', async () => {
      const key = `k-${randomUUID()}`;
      const decisions = [];
      for (let i = 0; i < 3; i++) decisions.push(await subject.limiter.hit(key, 3, 10_000));
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
      ]);
    });

    it('When hits arrive together, Then each is counted on its own, in the order made, and only the limit is let through', async () => {
      const [key, other] = [`k-${randomUUID()}`, `k-${randomUUID()}`];
      const decisions = await Promise.all([...Array.from({ length: 5 }, () => subject.limiter.hit(key, 3, 10_000)), subject.limiter.hit(other, 3, 10_000)]);
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
        [false, 0],
        [true, 2],
      ]);
    });

    it('When the limit is reached, Then the next hit is refused with a retry-after within the window', async () => {
      const key = `k-${randomUUID()}`;
      for (let i = 0; i < 2; i++) await subject.limiter.hit(key, 2, 5_000);
      const refused = await subject.limiter.hit(key, 2, 5_000);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(5_000);
    });

    it('When the window slides past old hits, Then hits are allowed again', async () => {
      const key = `k-${randomUUID()}`;
      await subject.limiter.hit(key, 1, 300);
      expect((await subject.limiter.hit(key, 1, 300)).allowed).toBe(false);
      await new Promise((r) => setTimeout(r, 350));
      expect((await subject.limiter.hit(key, 1, 300)).allowed).toBe(true);
    });

    it('When different keys are hit, Then they are counted apart', async () => {
      const [a, b] = [`k-${randomUUID()}`, `k-${randomUUID()}`];
      await subject.limiter.hit(a, 1, 10_000);
      expect((await subject.limiter.hit(b, 1, 10_000)).allowed).toBe(true);
    });
  });
}
