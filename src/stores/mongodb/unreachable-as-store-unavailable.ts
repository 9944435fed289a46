import { MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError, type MongoClient } from 'mongodb';
import { StoreUnavailableError } from '../../kernel/errors';

/** The driver's "cannot reach the server" errors (as opposed to a refused or invalid operation). */
const isUnreachable = (err: unknown) =>
  err instanceof MongoServerSelectionError || err instanceof MongoNetworkError || err instanceof MongoNotConnectedError || err instanceof MongoTopologyClosedError;

/**
 * A MongoDB-backed store whose every async method reports an unreachable server as
 * STORE_UNAVAILABLE (retryable) instead of a raw driver error, which clients would see as
 * INTERNAL; other errors pass through unchanged.
 *
 * It also brings the client back: when the driver's first connection attempt fails (MongoDB
 * down at start), the driver closes the client's topology and every later operation fails
 * with MongoTopologyClosedError, even once MongoDB is up again. Such a call connects the
 * client again and is tried once more (the stores' writes are idempotent by key).
 */
export function unreachableAsStoreUnavailable<T extends object>(store: T, name: string, client: Pick<MongoClient, 'connect'>): T {
  const unavailable = (err: unknown) => (isUnreachable(err) ? new StoreUnavailableError(name, { cause: err }) : err);
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const call = (args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
      return (...args: unknown[]) => {
        const result = call(args);
        if (!(result instanceof Promise)) return result;
        return result.catch(async (err: unknown) => {
          if (!(err instanceof MongoTopologyClosedError)) throw unavailable(err);
          try {
            await client.connect();
          } catch (reconnect) {
            throw unavailable(reconnect);
          }
          return (call(args) as Promise<unknown>).catch((again: unknown) => {
            throw unavailable(again);
          });
        });
      };
    },
  });
}
