import { buildAppSchema } from '../graphql/build-schema';
import { createApp } from '../src/composition-root';
import { loadConfig } from '../src/config/load-config';
import { startApiServer } from '../src/server/api-server';
import { percentile } from './percentiles';

export interface ApiLatencyResult {
  scenario: string;
  concurrency: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  throughputPerSec: number;
}

async function post(url: string, body: unknown, token?: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
}

async function measure(scenario: string, concurrency: number, requests: number, run: () => Promise<void>): Promise<ApiLatencyResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    scenario,
    concurrency,
    requests,
    p50Ms: +percentile(latencies, 50).toFixed(2),
    p99Ms: +percentile(latencies, 99).toFixed(2),
    throughputPerSec: +(requests / seconds).toFixed(1),
  };
}

/**
 * SoulLink's own request overhead on the spine: an authenticated `me` query (JWT check +
 * session lookup + GraphQL execution) and a login (dominated by scrypt, by design).
 * Loopback only, bounded request counts.
 */
export async function apiLatencyBench(): Promise<ApiLatencyResult[]> {
  // The benchmark measures SoulLink's per-request cost, not its rate limits: lift them.
  const unlimited = { limit: 1_000_000, windowMs: 60_000 };
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: JSON.stringify({ global: unlimited, auth: unlimited, loginAccount: unlimited }),
  });
  const app = await createApp(config);
  const server = await startApiServer(app.services, await buildAppSchema());
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = 'benchmark passphrase';
    const reg = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
        variables: { i: { email, password, displayName: 'Bench' } },
      }),
    });
    const token = ((await reg.json()) as { data: { register: { accessToken: string } } }).data.register.accessToken;
    const me = () => post(server.url, { query: '{ me { id email tier } }' }, token);
    const login = () =>
      post(server.url, { query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email, password } } });
    await measure('warm-up', 4, 200, me);
    return [
      await measure('me (authenticated query)', 1, 500, me),
      await measure('me (authenticated query)', 32, 3000, me),
      await measure('login (scrypt)', 4, 40, login),
    ];
  } finally {
    await server.close(0);
    await app.close();
  }
}
