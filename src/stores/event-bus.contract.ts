import { randomUUID } from 'node:crypto';
import type { EventBus } from '../ports/event-bus.port';

const nextValue = async <T>(it: AsyncIterableIterator<T>, ms = 2000): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no event in time')), ms);
  });
  try {
    const result = await Promise.race([it.next(), timeout]);
    if (result.done) throw new Error('stream ended');
    return result.value;
  } finally {
    clearTimeout(timer);
  }
};

/** The behaviour every EventBus adapter must show. `create` returns two handles on one bus. */
export function eventBusContract(name: string, create: () => Promise<{ a: EventBus; b: EventBus; close(): Promise<void> }>) {
  describe(`EventBus contract: ${name}`, () => {
    let bus: Awaited<ReturnType<typeof create>>;
    beforeEach(async () => {
      bus = await create();
    });
    afterEach(() => bus.close());

    it('When an event is published, Then every subscriber of the topic receives it, in order', async () => {
      const topic = `t-${randomUUID()}`;
      const first = await bus.a.subscribe<{ n: number }>(topic);
      const second = await bus.b.subscribe<{ n: number }>(topic);
      for (let n = 1; n <= 3; n++) await bus.a.publish(topic, { n });
      for (const it of [first, second]) {
        expect([await nextValue(it), await nextValue(it), await nextValue(it)]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      }
      await first.return?.();
      await second.return?.();
    });

    it('When events go to another topic, Then subscribers of this topic do not see them', async () => {
      const mine = `t-${randomUUID()}`;
      const it = await bus.a.subscribe<string>(mine);
      await bus.b.publish(`t-${randomUUID()}`, 'other');
      await bus.b.publish(mine, 'mine');
      expect(await nextValue(it)).toBe('mine');
      await it.return?.();
    });

    it('When a subscriber unsubscribes, Then its stream ends and others keep receiving', async () => {
      const topic = `t-${randomUUID()}`;
      const leaving = await bus.a.subscribe<number>(topic);
      const staying = await bus.a.subscribe<number>(topic);
      await leaving.return?.();
      expect((await leaving.next()).done).toBe(true);
      await bus.b.publish(topic, 7);
      expect(await nextValue(staying)).toBe(7);
      await staying.return?.();
    });

    it('When a payload is published, Then subscribers get a copy that later mutation does not change', async () => {
      const topic = `t-${randomUUID()}`;
      const it = await bus.a.subscribe<{ list: number[] }>(topic);
      const payload = { list: [1] };
      await bus.a.publish(topic, payload);
      payload.list.push(2);
      expect(await nextValue(it)).toEqual({ list: [1] });
      await it.return?.();
    });
  });
}
