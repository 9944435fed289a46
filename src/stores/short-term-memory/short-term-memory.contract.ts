import { randomUUID } from 'node:crypto';
import type { RecentTurn, ShortTermMemory } from '../../ports/short-term-memory.port';

const turn = (n: number): RecentTurn => ({ role: n % 2 ? 'partner' : 'user', text: `turn ${n} 你好 👋`, at: new Date(1_700_000_000_000 + n).toISOString(), messageId: `m${n}` });

/** The behaviour every ShortTermMemory adapter must show; `create(ttlSeconds)` builds a fresh one. */
export function shortTermMemoryContract(name: string, create: (ttlSeconds?: number) => Promise<{ memory: ShortTermMemory; close(): Promise<void> }>) {
  describe(`ShortTermMemory contract: ${name}`, () => {
    let subject: Awaited<ReturnType<typeof create>>;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(() => subject.close());

    it("When a user's memory is dumped, Then every persona's turns are there and no other user's", async () => {
      const [u, other, p1, p2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await subject.memory.push(u, p1, turn(1));
      await subject.memory.push(u, p2, turn(2));
      await subject.memory.push(u, p2, turn(3));
      await subject.memory.push(other, p1, turn(4));
      const dumped = (await subject.memory.dump(u)).sort((x, y) => (x.personaId === p1 ? -1 : y.personaId === p1 ? 1 : 0));
      expect(dumped).toEqual([
        { personaId: p1, turns: [turn(1)] },
        { personaId: p2, turns: [turn(2), turn(3)] },
      ]);
      await subject.memory.clear(u);
      expect(await subject.memory.dump(u)).toEqual([]);
      expect(await subject.memory.dump(other)).toHaveLength(1);
    });

    it('When turns are pushed, Then recent returns the newest ones in order, text intact', async () => {
      const [u, p] = [randomUUID(), randomUUID()];
      for (let n = 1; n <= 5; n++) await subject.memory.push(u, p, turn(n));
      expect(await subject.memory.recent(u, p, 3)).toEqual([turn(3), turn(4), turn(5)]);
    });

    it('When more than 100 turns are pushed, Then only the last 100 are kept', async () => {
      const [u, p] = [randomUUID(), randomUUID()];
      for (let n = 1; n <= 105; n++) await subject.memory.push(u, p, turn(n));
      const kept = await subject.memory.recent(u, p, 1000);
      expect(kept).toHaveLength(100);
      expect(kept[0]).toEqual(turn(6));
    });

    it('When another user or persona is asked for, Then nothing of this one is returned', async () => {
      const [u, p] = [randomUUID(), randomUUID()];
      await subject.memory.push(u, p, turn(1));
      expect(await subject.memory.recent(randomUUID(), p, 10)).toEqual([]);
      expect(await subject.memory.recent(u, randomUUID(), 10)).toEqual([]);
    });

    it('When the list is replaced or cleared, Then recent reflects it', async () => {
      const [u, p, q] = [randomUUID(), randomUUID(), randomUUID()];
      await subject.memory.push(u, p, turn(1));
      await subject.memory.replace(u, p, [turn(7), turn(8)]);
      expect(await subject.memory.recent(u, p, 10)).toEqual([turn(7), turn(8)]);
      await subject.memory.push(u, q, turn(9));
      await subject.memory.clear(u);
      expect(await subject.memory.recent(u, p, 10)).toEqual([]);
      expect(await subject.memory.recent(u, q, 10)).toEqual([]);
    });

    it('When the TTL passes without writes, Then the turns are gone', async () => {
      const short = await create(1);
      try {
        const [u, p] = [randomUUID(), randomUUID()];
        await short.memory.push(u, p, turn(1));
        await new Promise((r) => setTimeout(r, 1100));
        expect(await short.memory.recent(u, p, 10)).toEqual([]);
      } finally {
        await short.close();
      }
    });
  });
}
