import { DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../kernel/clock/manual-clock';
import { createLogger } from '../../observability/logger';
import { deleteMyAccount, type ErasureDeps } from './delete-my-account';

/** Every store a no-op; the EntityManager's final transaction fails `failures` times with `error` first. */
function setup(failures: number, error: () => Error) {
  let tries = 0;
  const noop = async () => undefined;
  const store = new Proxy({}, { get: () => noop });
  const stores = ['transcripts', 'memories', 'shortTermMemory', 'chatEvents', 'checkpointer', 'rateLimiter', 'responseCache', 'dataKeys', 'objects', 'jobs'];
  const deps = { ...Object.fromEntries(stores.map((name) => [name, store])), events: { publish: noop }, clock: new ManualClock(), logger: createLogger('silent') } as unknown as ErasureDeps;
  const connection = { execute: async () => [] };
  const em = {
    findOneOrFail: async () => ({ id: 'u-1', email: 'mei@example.com' }),
    getConnection: () => connection,
    transactional: async (work: (tx: unknown) => Promise<void>) => {
      tries += 1;
      if (tries <= failures) throw error();
      await work({ getConnection: () => connection, getTransactionContext: () => undefined });
    },
  } as unknown as EntityManager;
  return { run: () => deleteMyAccount(deps, em, 'u-1', 'Mei@example.com'), tries: () => tries };
}

describe('deleteMyAccount when a write is still in flight', () => {
  it('When the final delete deadlocks with a reply being written, Then it runs again and the account is erased', async () => {
    const { run, tries } = setup(2, () => new DeadlockException(new Error('deadlock detected')));
    await expect(run()).resolves.toBeUndefined();
    expect(tries()).toBe(3);
  });

  it('When the raced statement was raw SQL (a node-postgres error with a SQLSTATE, not a MikroORM exception), Then it runs again too', async () => {
    // What the transaction's `execute` statements really throw: MikroORM converts errors of its own queries only.
    const deadlock = setup(1, () => Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    await expect(deadlock.run()).resolves.toBeUndefined();
    expect(deadlock.tries()).toBe(2);
    const rowAdded = setup(1, () => Object.assign(new Error('insert or update on table "chat_messages" violates foreign key constraint'), { code: '23503' }));
    await expect(rowAdded.run()).resolves.toBeUndefined();
    expect(rowAdded.tries()).toBe(2);
  });

  it('When it keeps failing, or fails for another reason, Then the error stands (nothing is swallowed)', async () => {
    const stuck = setup(5, () => new DeadlockException(new Error('deadlock detected')));
    await expect(stuck.run()).rejects.toBeInstanceOf(DeadlockException);
    expect(stuck.tries()).toBe(3);
    const other = setup(1, () => new Error('disk full'));
    await expect(other.run()).rejects.toThrow('disk full');
    expect(other.tries()).toBe(1);
  });
});
