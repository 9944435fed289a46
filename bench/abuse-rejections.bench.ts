import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { buildAppSchema } from '../graphql/build-schema';
import { createLogger } from '../src/observability/logger';
import { startApiServer, type RunningApiServer } from '../src/server/api-server';
import type { BenchResult, BenchScenario, TargetCheck } from './bench-result';
import { startBareApolloServer, type BareApolloServer } from './support/bare-apollo-server';
import { BENCH_JWT_SECRET, startBenchApp, startBenchServices, type BenchApp, type BenchServices } from './support/bench-app';
import { round, summarise } from './support/timing';

const PER_KIND = 300;
const WARM_UP = 30;
const TARGET_P99_MS = 5;

const costly = `{ chatSessions(first: 50) { nodes { id } } ${Array.from({ length: 14 }, (_, i) => `m${i}: memories(first: 100) { nodes { id text validFrom validTo sourceMessageIds } }`).join(' ')} }`;

/** The abuse corpus of test/abuse.int.test.ts: each body must be refused before anything runs. */
function corpus(maxBodyBytes: number): [kind: string, body: string][] {
  const q = (query: string) => JSON.stringify({ query });
  return [
    ['depth', q('{ me { a { b { c { d { e { f { g } } } } } } } }')],
    ['aliases', q(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`)],
    ['directives', q(`{ me { id ${'@include(if: true) '.repeat(60)} } }`)],
    ['cost', q(costly)],
    ['fragment cycle', q('{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }')],
    ['tokens', q(`{ me { ${'id '.repeat(1200)} } }`)],
    ['batch', JSON.stringify(Array.from({ length: 20 }, () => ({ query: 'mutation { logout { endedSessionId } }' })))],
    ['oversize body', JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(maxBodyBytes + 1) } })],
  ];
}

/**
 * The client runs on its own thread (the servers run on the main one): sequential POSTs over
 * one keep-alive connection, each timed from write to the end of the response.
 */
const CLIENT = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
parentPort.on('message', async ({ url, headers, body, total }) => {
  const buf = Buffer.from(body);
  const latencies = [];
  let sample;
  let executed = 0;
  for (let i = 0; i < total; i++) {
    const r = await post(url, headers, buf);
    latencies.push(r.ms);
    sample ??= r.status + ' ' + r.text.slice(0, 160);
    if (r.text.includes('"data":{')) executed += 1;
  }
  parentPort.postMessage({ latencies, sample, executed });
});
`;

interface ClientReply {
  latencies: number[];
  sample: string;
  executed: number;
}

class RejectionClient {
  private readonly worker = new Worker(CLIENT, { eval: true });
  async run(url: string, headers: Record<string, string>, body: string, total: number): Promise<ClientReply> {
    this.worker.postMessage({ url, headers, body, total });
    const [reply] = (await once(this.worker, 'message')) as [ClientReply];
    return reply;
  }
  close() {
    return this.worker.terminate();
  }
}

/**
 * `abuse-rejections`: how fast SoulLink refuses the abuse corpus (query limits, batches,
 * oversized bodies), signed in as a real user, next to a bare Apollo Server 5 (no limits of
 * its own: it refuses the same documents for not matching its one-type schema, or parses
 * them whole). Sequential requests (concurrency 1), so a figure is one request's own cost.
 */
export const abuseRejectionsBench: BenchScenario = {
  id: 'abuse-rejections',
  async run(): Promise<BenchResult> {
    let services: BenchServices | undefined;
    let bench: BenchApp | undefined;
    let soullink: RunningApiServer | undefined;
    let bare: BareApolloServer | undefined;
    const client = new RejectionClient();
    try {
      services = await startBenchServices('soullink_bench_abuse');
      const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
      bench = await startBenchApp(services, { LOG_LEVEL: 'info' }, { logger });
      soullink = await startApiServer(bench.app.services, await buildAppSchema());
      const register = (await (
        await fetch(soullink.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id email tier } } }',
            variables: { i: { email: `abuse-${Date.now()}@example.com`, password: 'benchmark passphrase', displayName: 'Bench' } },
          }),
        })
      ).json()) as { data: { register: { accessToken: string; user: { id: string; email: string; tier: string } } } };
      bare = await startBareApolloServer({ jwtSecret: BENCH_JWT_SECRET, user: register.data.register.user });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${register.data.register.accessToken}` };
      const targets = { SoulLink: soullink.url, 'bare Apollo': bare.url } as const;

      const rows: (string | number)[][] = [];
      const all: Record<string, number[]> = { SoulLink: [], 'bare Apollo': [] };
      const samples: Record<string, string> = {};
      let executed = 0;
      for (const [kind, body] of corpus(bench.config.http.maxBodyBytes)) {
        for (const [name, url] of Object.entries(targets)) {
          await client.run(url, headers, body, WARM_UP);
          const reply = await client.run(url, headers, body, PER_KIND);
          if (name === 'SoulLink') executed += reply.executed;
          all[name]!.push(...reply.latencies);
          samples[`${name} ${kind}`] = reply.sample;
          const s = summarise(reply.latencies);
          rows.push([name, kind, PER_KIND, round(s.p50), round(s.p99), round(s.max), reply.sample.slice(0, 3)]);
        }
      }
      for (const [name, latencies] of Object.entries(all)) {
        const s = summarise(latencies);
        rows.push([name, 'all kinds', latencies.length, round(s.p50), round(s.p99), round(s.max), '']);
      }
      const pooled = summarise(all.SoulLink!);
      const withoutOversize = summarise(all.SoulLink!.slice(0, all.SoulLink!.length - PER_KIND));
      const targetsMet: TargetCheck[] = [
        { what: 'SoulLink rejection p99, whole corpus', target: `≤ ${TARGET_P99_MS} ms`, measured: `${round(pooled.p99)} ms`, met: pooled.p99 <= TARGET_P99_MS },
        { what: 'SoulLink rejection p99, without the oversize body', target: `≤ ${TARGET_P99_MS} ms`, measured: `${round(withoutOversize.p99)} ms`, met: withoutOversize.p99 <= TARGET_P99_MS },
        { what: 'abuse requests that reached execution (returned data)', target: '0', measured: String(executed), met: executed === 0 },
      ];
      return {
        id: 'abuse-rejections',
        title: 'Abuse rejections: time to refuse the abuse corpus (SoulLink vs bare Apollo Server)',
        table: { columns: ['server', 'kind', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'status'], rows },
        targets: targetsMet,
        notes: [
          `Corpus (as test/abuse.int.test.ts): depth 8, 40 aliases, 60 directives, a cost past 5,000, a fragment cycle, 1,200+ tokens, a batch of 20, a body of MAX_BODY_BYTES + ~40 bytes (${bench.config.http.maxBodyBytes} bytes limit).`,
          `Each kind: ${WARM_UP} warm-up requests, then ${PER_KIND} timed ones, sequential over one keep-alive connection from a worker thread; latency from request write to the end of the response, loopback. Percentiles nearest-rank.`,
          'Signed in (bearer token of a registered user), as an abuser with an account would be. SoulLink: createApp + startApiServer, Redis and PostgreSQL as on this machine, logs at info to /dev/null.',
          'Bare: Apollo Server 5 with a one-type schema and no limits (jose token check in its context). It refuses most of the corpus for unknown fields; its figures are a reference for the cost of Apollo itself, not the same work.',
          'The oversize body is dominated by moving ~2 MiB over loopback; the second target leaves it out.',
        ],
        details: { samples, soullink: pooled, soullinkWithoutOversize: withoutOversize, bare: summarise(all['bare Apollo']!) },
      };
    } finally {
      await client.close();
      await bare?.close();
      await soullink?.close(0);
      await bench?.close();
      await services?.close();
    }
  },
};
