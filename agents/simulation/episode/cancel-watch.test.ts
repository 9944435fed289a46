import { behindTheTurn } from './behind-the-turn';
import { CancelWatch } from './cancel-watch';

/** A cancel flag whose reads are answered by hand. */
function flag() {
  const reads: ((cancelled: boolean) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  const isCancelled = () =>
    new Promise<boolean>((resolve, reject) => {
      reads.push(resolve);
      fails.push(reject);
    });
  return { isCancelled, reads, fails };
}

const settle = async () => {
  await behindTheTurn();
  await behindTheTurn();
};

describe('CancelWatch: the cancel flag read behind each turn', () => {
  it('When a cancel is read during a turn, Then that turn sees it, and no more reads are made', async () => {
    const f = flag();
    const watch = new CancelWatch(f.isCancelled);
    watch.refresh();
    // Nothing is read before the turn's own work (its model request) has gone out.
    expect(f.reads).toHaveLength(0);
    await behindTheTurn();
    expect(f.reads).toHaveLength(1);
    expect(watch.seen()).toBe(false);
    f.reads[0]!(true);
    await settle();
    expect(watch.seen()).toBe(true);
    watch.refresh();
    await settle();
    expect(f.reads).toHaveLength(1);
  });

  it('When a read is not back by the end of its turn, Then the next turn does not read again but takes its answer', async () => {
    const f = flag();
    const watch = new CancelWatch(f.isCancelled);
    watch.refresh();
    await settle();
    expect(watch.seen()).toBe(false);
    watch.refresh();
    await settle();
    expect(f.reads).toHaveLength(1);
    f.reads[0]!(true);
    await settle();
    expect(watch.seen()).toBe(true);
  });

  it('When a read fails, Then the turn that takes it fails with its error, once', async () => {
    const f = flag();
    const watch = new CancelWatch(f.isCancelled);
    watch.refresh();
    await settle();
    f.fails[0]!(new Error('database unreachable'));
    await settle();
    expect(() => watch.seen()).toThrow('database unreachable');
    expect(watch.seen()).toBe(false);
    // The next turn reads again.
    watch.refresh();
    await settle();
    expect(f.reads).toHaveLength(2);
  });
});
