import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNode, waitForHttpOk, type BenchChild } from './child-process-handle';
import { freePort } from './free-port';

const MAIN = join(__dirname, '../../src/cli/main.js');

/** A JWT secret for benchmark processes only. */
const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789-abcdefghijklmnop';

/** Limits lifted far beyond any benchmark, so figures measure SoulLink, not its rate limits. */
const UNLIMITED = { limit: 10_000_000, windowMs: 60_000 };
const BENCH_RATE_LIMITS = JSON.stringify({ global: UNLIMITED, auth: UNLIMITED, loginAccount: UNLIMITED, chat: UNLIMITED });

export interface SoullinkApiProcess extends BenchChild {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** ws://127.0.0.1:<port>/graphql */
  readonly wsUrl: string;
  /** http://127.0.0.1:<port> (for /metrics, /healthz) */
  readonly origin: string;
}

/**
 * `node dist/src/cli/main.js serve` as a child process on a free loopback port: the API as
 * operators run it, measured from outside (its own pid for /proc). Returns once /healthz answers.
 */
export async function startSoullinkApi(options: {
  databaseUrl: string;
  llmBaseUrl: string;
  /** Unset: the in-process defaults (the embedded configuration). */
  redisUrl?: string;
  /** Extra environment (model tiers, for instance). */
  env?: Record<string, string>;
  /** Node flags before the script (e.g. --cpu-prof, --inspect). */
  nodeArgs?: string[];
}): Promise<SoullinkApiProcess> {
  const port = await freePort();
  // Development mode with its own DATA_DIR: local secrets (master key) are generated there, so
  // the benchmark needs no production secrets; production-only checks do not touch the chat path.
  const dataDir = mkdtempSync(join(tmpdir(), 'soullink-bench-'));
  const proc = spawnNode([...(options.nodeArgs ?? []), MAIN, 'serve'], {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    LLM_BASE_URL: options.llmBaseUrl,
    LLM_API_KEY: 'stub',
    MODERATION: 'local',
    LOG_LEVEL: 'warn',
    JWT_SECRET: BENCH_JWT_SECRET,
    RATE_LIMITS: BENCH_RATE_LIMITS,
    SHUTDOWN_GRACE_MS: '2000',
    ...options.env,
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async (graceMs?: number) => {
    await proc.stop(graceMs);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttpOk(`${origin}/healthz`, proc);
  } catch (err) {
    await stop(2000);
    throw err;
  }
  return { ...proc, stop, url: `${origin}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql`, origin };
}
