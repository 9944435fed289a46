import { migrations } from '../../migrations';
import { entities } from '../../src/entities';
import { createLogger } from '../../src/observability/logger';
import { createOrm } from '../../src/stores/postgres/create-orm';
import { createDatabase, dropDatabase } from '../../test/support/test-database';
import { ensureTestServices } from '../../test/support/test-services';

export interface BenchDatabase {
  /** A fresh database with every committed migration applied. */
  url: string;
  /** Redis on this machine, when there is one (the benchmarks' main figures do not use it). */
  redisUrl: string | undefined;
  drop(): Promise<void>;
}

/**
 * PostgreSQL (and Redis) as the test setup finds or starts them, and a fresh, migrated
 * database for one benchmark, so figures never depend on what earlier runs left behind.
 */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  await ensureTestServices();
  const url = await createDatabase(process.env.TEST_SERVER_URL!, prefix);
  const orm = await createOrm({ clientUrl: url, entities, migrations, logger: createLogger('silent') });
  try {
    await orm.migrator.up();
  } finally {
    await orm.close(true);
  }
  return { url, redisUrl: process.env.TEST_REDIS_URL, drop: () => dropDatabase(url) };
}
