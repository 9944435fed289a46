import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../migrations';
import { createApp, type App } from '../../src/composition-root';
import type { Config } from '../../src/config/config';
import { loadConfig } from '../../src/config/load-config';
import { entities } from '../../src/entities';
import { createLogger, type Logger } from '../../src/observability/logger';
import { createOrm } from '../../src/stores/postgres/create-orm';
import { createDatabase, dropDatabase } from '../../test/support/test-database';
import { ensureTestServices, stopTestServices } from '../../test/support/test-services';

/** A benchmark's own PostgreSQL database, migrated like production, and Redis when the machine has it. */
export interface BenchServices {
  databaseUrl: string;
  redisUrl: string | undefined;
  /** Drops the database and stops what ensureTestServices started (embedded PostgreSQL). */
  close(): Promise<void>;
}

/**
 * PostgreSQL and Redis as the test setup finds or starts them (test/support/test-services),
 * then a fresh database with the committed migrations applied, so a figure never depends on
 * what earlier runs left behind.
 */
export async function startBenchServices(prefix: string): Promise<BenchServices> {
  const serverUrlWasGiven = Boolean(process.env.TEST_SERVER_URL);
  await ensureTestServices();
  const databaseUrl = await createDatabase(process.env.TEST_SERVER_URL!, prefix);
  const orm = await createOrm({ clientUrl: databaseUrl, entities, migrations, logger: createLogger('silent') });
  try {
    await orm.migrator.up();
  } finally {
    await orm.close(true);
  }
  return {
    databaseUrl,
    redisUrl: process.env.TEST_REDIS_URL,
    async close() {
      await dropDatabase(databaseUrl);
      await stopTestServices();
      // An embedded server stopped here must be found (started) again by the next scenario.
      if (!serverUrlWasGiven) delete process.env.TEST_SERVER_URL;
    },
  };
}

/** The benchmark JWT secret: any fixed value of 32+ characters (nothing is stored with it). */
export const BENCH_JWT_SECRET = 'benchmark-secret-that-is-long-enough-0123456789';

/** Every rate-limit class lifted: a benchmark measures per-request cost, not the limits. */
export function liftedRateLimits(): string {
  const unlimited = { limit: 100_000_000, windowMs: 60_000 };
  const classes = ['global', 'auth', 'loginAccount', 'chat', 'simulation', 'analysis', 'import'];
  return JSON.stringify(Object.fromEntries(classes.map((c) => [c, unlimited])));
}

export interface BenchApp {
  app: App;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real app from the composition root against `services`, configured as an operator
 * would (environment variables), with a throwaway DATA_DIR. Redis is used when the machine
 * has it, as in production (rate limits, event bus, caches).
 */
export async function startBenchApp(
  services: BenchServices,
  env: Record<string, string | undefined> = {},
  options: { logger?: Logger } = {},
): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soullink-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: BENCH_JWT_SECRET,
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: liftedRateLimits(),
    ...env,
  });
  const app = await createApp(config, { logger: options.logger });
  return {
    app,
    config,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
