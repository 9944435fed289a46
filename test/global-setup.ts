import 'reflect-metadata';
import { migratedDatabase } from './support/migrated-database';
import { ensureTestServices } from './support/test-services';

/**
 * Jest globalSetup: make sure a real PostgreSQL and Redis are reachable (start them if
 * absent), create a fresh database for this run and apply the committed migrations to it,
 * as production would. Suites read TEST_DATABASE_URL and TEST_REDIS_URL.
 */
export default async function globalSetup(): Promise<void> {
  await ensureTestServices();
  const url = await migratedDatabase(process.env.TEST_SERVER_URL!, 'soullink_test').finally(() => {
    // MikroORM keeps entity metadata on globalThis, which jest shares with the suites'
    // realm; metadata built here (other realm's Maps) breaks their discovery. Drop it.
    for (const key of Object.keys(globalThis)) {
      if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
    }
  });
  process.env.TEST_DATABASE_URL = url;
}
