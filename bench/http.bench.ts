import pino from 'pino';
import { buildAppSchema } from '../graphql/build-schema';
import { createLogger } from '../src/observability/logger';
import { startApiServer, type RunningApiServer } from '../src/server/api-server';
import type { BenchResult, BenchScenario, TargetCheck } from './bench-result';
import { startBareApolloServer, type BareApolloServer } from './support/bare-apollo-server';
import { BENCH_JWT_SECRET, startBenchApp, startBenchServices, type BenchApp, type BenchServices } from './support/bench-app';
import { HttpLoadGenerator } from './support/http-load';
import { round, summarise, type LoadResult } from './support/timing';

const ME = JSON.stringify({ query: '{ me { id email tier } }' });
const CONCURRENCIES = [1, 32] as const;
/** Requests per measured phase, by concurrency: a few seconds each on a laptop. */
const REQUESTS: Record<(typeof CONCURRENCIES)[number], number> = { 1: 3000, 32: 20_000 };
const WARM_UP = { concurrency: 8, total: 3000 };
const LOGIN = { concurrency: 4, total: 40 };
const TARGET_RATIO = 0.5;

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Phases of one server as one result: all latencies, total requests over total time. */
function combine(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return { latencies: runs.flatMap((r) => r.latencies), seconds, requests, throughputPerSec: requests / seconds };
}

function row(server: string, operation: string, concurrency: number, r: LoadResult): (string | number)[] {
  const s = summarise(r.latencies);
  return [server, operation, concurrency, r.requests, round(s.p50), round(s.p99), Math.round(r.throughputPerSec)];
}

/**
 * `http`: SoulLink's API (composition root + startApiServer, Redis-backed rate limiter with
 * the limits lifted, logs at info to /dev/null) against a bare Apollo Server 5 answering the
 * same `me { id email tier }` shape after a jose HS256 check, at concurrency 1 and 32 in
 * the same run, from a load generator on its own thread. Login (scrypt) is a reference row.
 */
export const httpBench: BenchScenario = {
  id: 'http',
  async run(): Promise<BenchResult> {
    let services: BenchServices | undefined;
    let bench: BenchApp | undefined;
    let soullink: RunningApiServer | undefined;
    let bare: BareApolloServer | undefined;
    const load = new HttpLoadGenerator();
    try {
      services = await startBenchServices('soullink_bench_http');
      // Production logs at info: one JSON line per operation. Written to /dev/null so the
      // cost is paid without flooding the benchmark's output.
      const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
      bench = await startBenchApp(services, { LOG_LEVEL: 'info' }, { logger });
      soullink = await startApiServer(bench.app.services, await buildAppSchema());

      const email = `bench-${Date.now()}@example.com`;
      const password = 'benchmark passphrase';
      const { register } = await gql<{ register: { accessToken: string } }>(
        soullink.url,
        'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
        { i: { email, password, displayName: 'Bench' } },
      );
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${register.accessToken}` };
      const me = (await (await fetch(soullink.url, { method: 'POST', headers, body: ME })).json()) as { data: { me: { id: string; email: string; tier: string } } };
      bare = await startBareApolloServer({ jwtSecret: BENCH_JWT_SECRET, user: me.data.me });

      const targets = { SoulLink: soullink.url, 'bare Apollo': bare.url } as const;
      for (const url of Object.values(targets)) await load.run({ url, headers, body: ME, ...WARM_UP });

      const rows: (string | number)[][] = [];
      const checks: TargetCheck[] = [];
      const details: Record<string, unknown> = {};
      for (const concurrency of CONCURRENCIES) {
        // A-B-B-A: background load that drifts during the run weighs on both servers alike.
        const phases: Record<string, LoadResult[]> = { SoulLink: [], 'bare Apollo': [] };
        for (const name of ['SoulLink', 'bare Apollo', 'bare Apollo', 'SoulLink'] as const) {
          phases[name]!.push(await load.run({ url: targets[name], headers, body: ME, concurrency, total: REQUESTS[concurrency] / 2 }));
        }
        const results = Object.fromEntries(Object.entries(phases).map(([name, runs]) => [name, combine(runs)]));
        for (const [name, r] of Object.entries(results)) rows.push(row(name, 'me (authenticated query)', concurrency, r));
        const ratio = results.SoulLink!.throughputPerSec / results['bare Apollo']!.throughputPerSec;
        checks.push({ what: `throughput SoulLink / bare @${concurrency}`, target: `≥ ${TARGET_RATIO}`, measured: ratio.toFixed(2), met: ratio >= TARGET_RATIO });
        details[`c${concurrency}`] = Object.fromEntries(
          Object.entries(results).map(([k, r]) => [k, { ...summarise(r.latencies), reqPerSec: r.throughputPerSec, phasesReqPerSec: phases[k]!.map((p) => Math.round(p.throughputPerSec)) }]),
        );
      }

      const loginBody = JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email, password } } });
      const login = await load.run({ url: soullink.url, headers: { 'content-type': 'application/json' }, body: loginBody, ...LOGIN });
      rows.push(row('SoulLink', 'login (scrypt, reference)', LOGIN.concurrency, login));

      return {
        id: 'http',
        title: 'HTTP: SoulLink API vs bare Apollo Server',
        table: { columns: ['server', 'operation', 'concurrency', 'requests', 'p50 ms', 'p99 ms', 'req/s'], rows },
        targets: checks,
        notes: [
          'Same run, same process, loopback: both servers run on the main thread, one after the other; the load generator (closed loop over keep-alive node:http connections, one per concurrent caller) runs on a worker thread.',
          'SoulLink: createApp + startApiServer against a fresh migrated PostgreSQL database and Redis (rate limiter, event bus), every rate-limit class lifted, logs at info to /dev/null. Per request: the access token (its signature checked once, its expiry every time), the session + user (read from PostgreSQL at most every 2 s per session, ended at once by logout, revocation or a row change: src/auth/cached-authenticator.ts; merged into a forked EntityManager every time), type-graphql with the rate-limit middleware (one Redis script, pipelined with the others in flight), query limits, the observability plugin (metrics + one log line).',
          'Bare: Apollo Server 5 + graphql 16 with the same node:http integration (executeHTTPGraphQLRequest), default plugins, schema `type Query { me: User }`; the context verifies the bearer token with jose (HS256, same secret, issuer and audience) and `me` returns a constant user of the same shape. No database, Redis, rate limits, logging or metrics.',
          `Warm-up: ${WARM_UP.total} requests per server at concurrency ${WARM_UP.concurrency}. Each row is two phases run in the order SoulLink, bare, bare, SoulLink, so load from other processes that drifts during the run weighs on both alike. Login is scrypt-bound by design (reference only).`,
        ],
        details,
      };
    } finally {
      await load.close();
      await bare?.close();
      await soullink?.close(0);
      await bench?.close();
      await services?.close();
    }
  },
};
