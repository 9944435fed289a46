import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../graphql/build-schema';
import { createApp, type App } from '../../src/composition-root';
import { loadConfig } from '../../src/config/load-config';
import { startApiServer, type RunningApiServer } from '../../src/server/api-server';
import { GraphQLClient } from './graphql-client';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
/** One master key for every process of a test run: they share one database of wrapped data keys. */
// Fixed but not degenerate: production mode (abuse suite) refuses all-same-byte keys.
export const TEST_MASTER_KEY = createHash('sha256').update('soullink test master key').digest('base64');

let schema: Promise<GraphQLSchema> | undefined;

export interface TestApp {
  app: App;
  server: RunningApiServer;
  http: GraphQLClient;
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * The real app (composition root, API server on a random port) against the run's test
 * database. Environment overrides configure it as an operator would; `options` stand in
 * for adapters (an in-memory tracer).
 */
export async function startTestApp(env: Record<string, string | undefined> = {}, options: Parameters<typeof createApp>[1] = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soullink-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    MASTER_KEY: TEST_MASTER_KEY,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Suites register and sign in many users from one address; the rate-limit suite sets its own.
    RATE_LIMITS: JSON.stringify({ auth: { limit: 100_000, windowMs: 60_000 }, global: { limit: 100_000, windowMs: 60_000 }, chat: { limit: 100_000, windowMs: 60_000 } }),
    ...env,
  });
  const app = await createApp(config, options);
  schema ??= buildAppSchema();
  const server = await startApiServer(app.services, await schema);
  return {
    app,
    server,
    http: new GraphQLClient(server.url),
    baseUrl: server.url.replace(/\/graphql$/, ''),
    wsUrl: server.url.replace(/^http/, 'ws'),
    async close() {
      await server.close(0);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A unique, valid registration input. */
export function newAccountInput(overrides: Partial<{ email: string; password: string; displayName: string }> = {}) {
  counter += 1;
  return {
    email: `user${Date.now()}-${counter}@example.com`,
    password: 'correct horse battery',
    displayName: `Test User ${counter}`,
    ...overrides,
  };
}
