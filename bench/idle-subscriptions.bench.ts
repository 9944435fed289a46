import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { ChatEventsDocument } from '../graphql/generated/graphql';
import type { BenchResult, BenchScenario } from './bench-result';
import { createBenchDatabase } from './support/bench-database';
import { openFileLimit } from './support/fd-limit';
import { freePort } from './support/free-port';
import { connectGraphqlWs, disposeAll } from './support/graphql-ws-clients';
import { openInspector, type InspectorSession } from './support/inspector-session';
import { getText, mapConcurrently } from './support/loopback-graphql';
import { processRssBytes } from './support/process-memory';
import { createBenchAccounts, startBenchChat, type BenchAccount } from './support/soullink-bench-accounts';
import { startSoullinkApi, type SoullinkApiProcess } from './support/soullink-api-process';
import { startStubLlmProcess } from './support/stub-llm-process';

/** Connections wanted, each with one chatEvents subscription of its own chat. */
const WANTED = 10_000;
const USERS = 100;
/** File descriptors kept free in each process besides the sockets (database pool, logs, the inspector…). */
const FD_MARGIN = 500;
const OPEN_CONCURRENCY = 100;
const SAMPLES = 5;
const SAMPLE_INTERVAL_MS = 500;
const SETTLE_MS = 5_000;
const TARGET_BYTES = 30 * 1024;

const CHAT_EVENTS = print(ChatEventsDocument);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

interface MemorySample {
  rss: number;
  heapUsed: number;
  /** soullink_nodejs_heap_size_used_bytes as /metrics reports it (no forced GC). */
  metricsHeapUsed: number;
}

async function metricValue(api: SoullinkApiProcess, name: string): Promise<number> {
  const match = new RegExp(`^${name} (\\S+)`, 'm').exec(await getText(`${api.origin}/metrics`));
  return match ? Number(match[1]) : Number.NaN;
}

/** After a settle and a full GC: the median of a few samples of RSS and heap. */
async function measure(api: SoullinkApiProcess, inspector: InspectorSession): Promise<MemorySample> {
  await sleep(SETTLE_MS);
  const samples: MemorySample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await inspector.collectGarbage();
    const { usedSize } = await inspector.heapUsage();
    samples.push({ rss: processRssBytes(api.pid), heapUsed: usedSize, metricsHeapUsed: await metricValue(api, 'soullink_nodejs_heap_size_used_bytes') });
    await sleep(SAMPLE_INTERVAL_MS);
  }
  return {
    rss: median(samples.map((s) => s.rss)),
    heapUsed: median(samples.map((s) => s.heapUsed)),
    metricsHeapUsed: median(samples.map((s) => s.metricsHeapUsed)),
  };
}

/** Opens one connection per chat and subscribes to its chatEvents; resolves once the server counts them all. */
async function openSubscriptions(api: SoullinkApiProcess, chats: { account: BenchAccount; sessionId: string }[]): Promise<Client[]> {
  const clients: Client[] = [];
  await mapConcurrently(chats.length, OPEN_CONCURRENCY, async (i) => {
    const { account, sessionId } = chats[i]!;
    const client = await connectGraphqlWs(api.wsUrl, { authorization: `Bearer ${account.token}` });
    clients.push(client);
    client.subscribe(
      { query: CHAT_EVENTS, variables: { sessionId, afterSeq: 0 } },
      {
        next: () => undefined,
        error: (err) => process.stderr.write(`bench idle-subscriptions: subscription failed: ${JSON.stringify(err)}\n`),
        complete: () => undefined,
      },
    );
  });
  const deadline = Date.now() + 120_000;
  while ((await metricValue(api, 'soullink_open_subscriptions')) < chats.length) {
    if (Date.now() > deadline) throw new Error(`only ${await metricValue(api, 'soullink_open_subscriptions')} of ${chats.length} subscriptions open`);
    await sleep(200);
  }
  return clients;
}

/**
 * Issue 7: what an idle live-chat subscription costs the API process. 10,000 graphql-ws
 * connections (fewer if the file-descriptor limit says so), each holding one `chatEvents`
 * subscription of its own chat (100 users × 100 chats), against a SoulLink API child process;
 * RSS and V8 heap before and after, each after a settle and a full GC.
 */
export const idleSubscriptionsBench: BenchScenario = {
  id: 'idle-subscriptions',
  async run(): Promise<BenchResult> {
    const fdLimit = openFileLimit();
    const count = Math.min(WANTED, Math.max(0, Math.floor(fdLimit - FD_MARGIN)));
    const perUser = Math.ceil(count / USERS);
    const db = await createBenchDatabase('soullink_bench_idle');
    const stub = await startStubLlmProcess();
    const inspectPort = await freePort();
    let api: SoullinkApiProcess | undefined;
    let inspector: InspectorSession | undefined;
    let clients: Client[] = [];
    try {
      api = await startSoullinkApi({
        databaseUrl: db.url,
        llmBaseUrl: stub.baseUrl,
        // The benchmark measures a subscription's cost, not the per-user caps (abuse limits): lifted.
        env: { WS_MAX_CONNECTIONS_PER_USER: '10000', WS_MAX_SUBSCRIPTIONS_PER_USER: '100000', ACCESS_TOKEN_TTL_SECONDS: '86400' },
        nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
      });
      inspector = await openInspector(inspectPort);

      process.stderr.write(`bench idle-subscriptions: ${USERS} accounts, ${count} chats…\n`);
      const accounts = await createBenchAccounts(api.url, USERS, 'idle');
      const chats = await mapConcurrently(count, 16, async (i) => {
        const account = accounts[i % USERS]!;
        return { account, sessionId: await startBenchChat(api!.url, account, false) };
      });

      const before = await measure(api, inspector);
      process.stderr.write(`bench idle-subscriptions: opening ${count} connections…\n`);
      const openedAt = performance.now();
      clients = await openSubscriptions(api, chats);
      const openSeconds = (performance.now() - openedAt) / 1000;
      const after = await measure(api, inspector);

      const rssPer = (after.rss - before.rss) / count;
      const heapPer = (after.heapUsed - before.heapUsed) / count;
      return {
        id: 'idle-subscriptions',
        title: `Idle subscriptions: ${count.toLocaleString('en')} graphql-ws connections with one chatEvents subscription each`,
        table: {
          columns: ['', 'before', `after ${count.toLocaleString('en')} subscriptions`, 'per subscription'],
          rows: [
            ['API RSS (VmRSS)', mib(before.rss), mib(after.rss), kib(rssPer)],
            ['V8 heap used (after full GC)', mib(before.heapUsed), mib(after.heapUsed), kib(heapPer)],
            ['V8 heap used (/metrics, no forced GC)', mib(before.metricsHeapUsed), mib(after.metricsHeapUsed), kib((after.metricsHeapUsed - before.metricsHeapUsed) / count)],
          ],
        },
        targets: [{ what: 'API memory per idle subscription (RSS)', target: `≤ ${kib(TARGET_BYTES)}`, measured: kib(rssPer), met: rssPer <= TARGET_BYTES }],
        notes: [
          `${count.toLocaleString('en')} connections, each with one chatEvents subscription (afterSeq 0) of its own chat: ${USERS} users × ${perUser} chats, all chats empty (no events in the log). "Per subscription" is per connection plus its subscription: the socket, the graphql-ws state, the context (EntityManager fork), the log reader and its session entry.`,
          `Open-file limit ${Number.isFinite(fdLimit) ? fdLimit : 'unlimited'} (ulimit -n, inherited by the API process): ${count < WANTED ? `too low for ${WANTED.toLocaleString('en')} sockets per process plus ${FD_MARGIN} spare, so ${count.toLocaleString('en')} were opened` : `enough for ${WANTED.toLocaleString('en')} sockets in each process`}. The benchmark client (this process) holds the other end of every socket.`,
          `Memory is sampled ${SETTLE_MS / 1000} s after the users and chats were created and again ${SETTLE_MS / 1000} s after the last subscription opened; each sample follows a full GC triggered through the API's inspector (--inspect on loopback; only HeapProfiler.collectGarbage and Runtime.getHeapUsage are called); the median of ${SAMPLES} samples ${SAMPLE_INTERVAL_MS} ms apart is reported.`,
          `Opening them took ${openSeconds.toFixed(1)} s (${OPEN_CONCURRENCY} at a time; each is a websocket upgrade, connection_init with token check, and a subscribe with another token check and the ownership check).`,
          'SoulLink runs with its embedded defaults (no REDIS_URL: the in-process chat event log); the per-user websocket caps (WS_MAX_CONNECTIONS_PER_USER, WS_MAX_SUBSCRIPTIONS_PER_USER) are lifted for the run.',
        ],
        details: { count, users: USERS, before, after, rssPerSubscriptionBytes: rssPer, heapPerSubscriptionBytes: heapPer, fdLimit: Number.isFinite(fdLimit) ? fdLimit : null, openSeconds },
      };
    } finally {
      await disposeAll(clients);
      await inspector?.close().catch(() => undefined);
      await api?.stop();
      await stub.stop();
      await db.drop().catch(() => undefined);
    }
  },
};
