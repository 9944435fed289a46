import { MongoServerError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { StoreUnavailableError } from '../../kernel/errors';
import { unreachableAsStoreUnavailable } from './unreachable-as-store-unavailable';

/** A store whose `count` fails with the queued errors first, then answers 7. */
function store(errors: Error[]) {
  return {
    calls: 0,
    async count(): Promise<number> {
      this.calls += 1;
      const err = errors.shift();
      if (err) throw err;
      return 7;
    },
  };
}

describe('unreachableAsStoreUnavailable', () => {
  it('When the server cannot be selected, Then the call fails with STORE_UNAVAILABLE (retryable)', async () => {
    const wrapped = unreachableAsStoreUnavailable(store([new MongoServerSelectionError('no server', { type: 'Unknown' } as never)]), 'transcript', { connect: async () => undefined as never });
    await expect(wrapped.count()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(wrapped.count()).resolves.toBe(7);
  });

  it('When the client was closed after a failed first connection and MongoDB is back, Then the call connects again and succeeds', async () => {
    let connects = 0;
    const inner = store([new MongoTopologyClosedError()]);
    const wrapped = unreachableAsStoreUnavailable(inner, 'transcript', { connect: async () => (connects++, undefined as never) });
    await expect(wrapped.count()).resolves.toBe(7);
    expect(connects).toBe(1);
    expect(inner.calls).toBe(2);
  });

  it('When reconnecting fails, Then STORE_UNAVAILABLE; other errors pass through unchanged', async () => {
    const down = unreachableAsStoreUnavailable(store([new MongoTopologyClosedError()]), 'transcript', {
      connect: async () => {
        throw new MongoServerSelectionError('no server', { type: 'Unknown' } as never);
      },
    });
    await expect(down.count()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const refused = new MongoServerError({ message: 'duplicate key', code: 11000 });
    await expect(unreachableAsStoreUnavailable(store([refused]), 'transcript', { connect: async () => undefined as never }).count()).rejects.toBe(refused);
  });
});
