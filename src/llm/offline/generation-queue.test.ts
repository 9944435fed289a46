import { GenerationQueue, GenerationQueueFullError } from './generation-queue';

describe('generation queue', () => {
  it('When tasks arrive concurrently, Then they run one at a time in arrival order', async () => {
    const queue = new GenerationQueue(10);
    const events: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 10));
      events.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run(task('a')), queue.run(task('b')), queue.run(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('When a task fails, Then the next one still runs', async () => {
    const queue = new GenerationQueue(10);
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('When more tasks wait than allowed, Then the extra one is refused at once', async () => {
    const queue = new GenerationQueue(1);
    let release!: () => void;
    const first = queue.run(() => new Promise<void>((r) => (release = r)));
    await expect(queue.run(async () => 'second')).rejects.toBeInstanceOf(GenerationQueueFullError);
    await new Promise((r) => setImmediate(r));
    release();
    await first;
  });
});
