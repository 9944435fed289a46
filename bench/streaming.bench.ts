import { cpus } from 'node:os';
import type { Client } from 'graphql-ws';
import type { BenchResult, BenchScenario, TargetCheck } from './bench-result';
import { percentile } from './percentiles';
import { createBenchDatabase, type BenchDatabase } from './support/bench-database';
import type { BenchChild } from './support/child-process-handle';
import { connectGraphqlWsMany, disposeAll } from './support/graphql-ws-clients';
import { CpuWindow } from './support/process-cpu';
import { createBenchAccounts } from './support/soullink-bench-accounts';
import { startSoullinkApi, type SoullinkApiProcess } from './support/soullink-api-process';
import type { StreamRecord } from './support/sse-completion-client';
import { StreamingPaths, startBareRelay, type PathId, type SoullinkTarget, type StreamShape } from './support/streaming-paths';
import { startStubLlmProcess, type StubLlmProcess } from './support/stub-llm-process';

/**
 * Concurrent streams per level, and how many rounds of each (more rounds where one round gives
 * few samples). BENCH_STREAMING_LEVELS="32x4,128x2" overrides them when profiling one level;
 * the targets need the default levels.
 */
const LEVELS: { streams: number; rounds: number }[] = process.env.BENCH_STREAMING_LEVELS
  ? process.env.BENCH_STREAMING_LEVELS.split(',').map((level) => {
      const [streams, rounds] = level.split('x').map(Number);
      return { streams: streams!, rounds: rounds ?? 1 };
    })
  : [
      { streams: 1, rounds: 30 },
      { streams: 32, rounds: 4 },
      { streams: 128, rounds: 2 },
      { streams: 256, rounds: 2 },
    ];
const CHUNK_COUNT = 64;
const CHUNK_INTERVAL_MS = 20;
/** A gap longer than two intervals is a stall the user can see. */
const STALL_MS = 2 * CHUNK_INTERVAL_MS;
const CHAT_MODEL = 'bench-chat';
/** 384 ASCII characters: 64 chunks of 6, plain prose the output moderation lets through. */
const REPLY = 'I had the loveliest afternoon at the climbing gym, then we went for hot pot and laughed about it for hours. Tell me about yours! '
  .repeat(4)
  .slice(0, CHUNK_COUNT * 6);
const USER_MESSAGE = 'Hey Mei, how was your day? Tell me everything.';
const ROUND_TIMEOUT_MS = 60_000;
/** How long the servers' idle CPU is measured, with every client connected and nothing streaming. */
const IDLE_BASELINE_MS = 5_000;
/** Streams per path in each warm-up round. */
const WARM_UP_STREAMS = 32;

const SHAPE: StreamShape = { chatModel: CHAT_MODEL, reply: REPLY, userMessage: USER_MESSAGE, chunkIntervalMs: CHUNK_INTERVAL_MS, roundTimeoutMs: ROUND_TIMEOUT_MS };

const PATH_LABEL: Record<PathId, string> = {
  direct: '(a) direct SSE (floor)',
  bare: '(b) bare graphql-ws relay',
  soullink: '(c) SoulLink chatEvents',
  soullinkRedis: '(d) SoulLink chatEvents, REDIS_URL',
};
const isSoullink = (path: PathId) => path === 'soullink' || path === 'soullinkRedis';

/** Everything measured for one path at one level, over its rounds. */
interface PathFigures {
  records: StreamRecord[];
  /** Server CPU (ms) over the rounds' windows: the stub for (a), the relay for (b), the API for (c) and (d). */
  serverCpuMs: number;
  stubCpuMs: number;
  wallMs: number;
}

/** The processes a run starts. */
interface Services {
  db: BenchDatabase;
  stub: StubLlmProcess;
  api: SoullinkApiProcess;
  relay: BenchChild & { wsUrl: string };
  /** The same API with REDIS_URL (its own database), when this machine has Redis. */
  redis?: { db: BenchDatabase; api: SoullinkApiProcess };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Gaps between consecutive deliveries of each stream, in ms. */
function gapsOf(records: StreamRecord[]): number[] {
  const gaps: number[] = [];
  for (const r of records) for (let i = 1; i < r.arrivals.length; i++) gaps.push(r.arrivals[i]! - r.arrivals[i - 1]!);
  return gaps;
}

function ttftsOf(records: StreamRecord[]): number[] {
  return records.filter((r) => r.arrivals.length > 0).map((r) => r.arrivals[0]! - r.startedAt);
}

interface Summary {
  streams: number;
  path: PathId;
  samples: number;
  ttftP50: number;
  ttftP99: number;
  gapP50: number;
  gapP99: number;
  stallShare: number;
  lostChars: number;
  lostChunks: number;
  failed: number;
  eventsPerStream: number;
  cpuUsPerChunk: number;
  stubCpuUsPerChunk: number;
}

function summarise(streams: number, path: PathId, figures: PathFigures): Summary {
  const { records } = figures;
  const gaps = gapsOf(records);
  const ttfts = ttftsOf(records);
  const expectedChars = REPLY.length * records.length;
  const chars = records.reduce((sum, r) => sum + r.chars, 0);
  const events = records.reduce((sum, r) => sum + r.arrivals.length, 0);
  // (a) and (b) deliver one event per model chunk; (c) and (d) may merge chunks, so loss is counted in text.
  const lostChunks = isSoullink(path) ? Math.ceil((expectedChars - chars) / (REPLY.length / CHUNK_COUNT)) : CHUNK_COUNT * records.length - events;
  const deliveredChunks = (chars / REPLY.length) * CHUNK_COUNT;
  return {
    streams,
    path,
    samples: records.length,
    ttftP50: percentile(ttfts, 50),
    ttftP99: percentile(ttfts, 99),
    gapP50: percentile(gaps, 50),
    gapP99: percentile(gaps, 99),
    stallShare: gaps.length === 0 ? Number.NaN : gaps.filter((g) => g > STALL_MS).length / gaps.length,
    lostChars: expectedChars - chars,
    lostChunks,
    failed: records.filter((r) => r.error).length,
    eventsPerStream: events / records.length,
    cpuUsPerChunk: (figures.serverCpuMs * 1000) / deliveredChunks,
    stubCpuUsPerChunk: (figures.stubCpuMs * 1000) / deliveredChunks,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : null);
const added = (v: number, floor: number) => (Number.isFinite(v) && Number.isFinite(floor) ? (v - floor).toFixed(2) : null);
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)} %` : null);

/**
 * Extra node flags for a child, for profiling a run: e.g. BENCH_API_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof" writes the API's CPU profile when it stops.
 */
const nodeArgsFrom = (variable: string) => (process.env[variable] ? process.env[variable]!.split(' ').filter(Boolean) : []);

/**
 * Rate limits the benchmark's shape would trip, lifted; the global budget keeps its default
 * (a subscription counts once, its events not at all). Lifted: registration (hundreds of
 * accounts from one address) and the chat class (at 1 stream one user sends a message every
 * round, about 40 a minute, where a person is held to 30).
 */
const LIFTED = { limit: 10_000_000, windowMs: 60_000 };
const RATE_LIMITS = JSON.stringify({ auth: LIFTED, loginAccount: LIFTED, chat: LIFTED });

/** The API's settings for the run: model tiers on the stub, tokens that outlive the run. */
const API_ENV = {
  LLM_CHAT_MODELS: CHAT_MODEL,
  LLM_FAST_MODELS: 'bench-fast',
  LLM_DEEP_MODELS: 'bench-deep',
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  RATE_LIMITS,
};

async function startServices(): Promise<Services> {
  const db = await createBenchDatabase('soullink_bench_streaming');
  const started: { stop(): Promise<void> }[] = [];
  let redisDb: BenchDatabase | undefined;
  try {
    const stub = await startStubLlmProcess({ nodeArgs: nodeArgsFrom('BENCH_STUB_NODE_ARGS') });
    started.push(stub);
    // Only the partner's replies stream slowly; the coach (fast tier) answers at once.
    await stub.configure(CHAT_MODEL, { chunkCount: CHUNK_COUNT, chunkIntervalMs: CHUNK_INTERVAL_MS, firstTokenLatencyMs: 0, reply: REPLY });
    const api = await startSoullinkApi({ databaseUrl: db.url, llmBaseUrl: stub.baseUrl, env: API_ENV, nodeArgs: nodeArgsFrom('BENCH_API_NODE_ARGS') });
    started.push(api);
    const relay = await startBareRelay(stub.baseUrl);
    started.push(relay);
    let redis: Services['redis'];
    if (db.redisUrl) {
      // Its own database: the two APIs' chat engines must not pick up each other's replies.
      redisDb = await createBenchDatabase('soullink_bench_streaming_redis');
      const redisApi = await startSoullinkApi({ databaseUrl: redisDb.url, llmBaseUrl: stub.baseUrl, redisUrl: db.redisUrl, env: API_ENV });
      started.push(redisApi);
      redis = { db: redisDb, api: redisApi };
    }
    return { db, stub, api, relay, redis };
  } catch (err) {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    await redisDb?.drop().catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw err;
  }
}

/** Registers `count` users on the API and opens one graphql-ws connection for each. */
async function soullinkTarget(api: SoullinkApiProcess, count: number, prefix: string): Promise<SoullinkTarget> {
  const accounts = await createBenchAccounts(api.url, count, prefix);
  const clients = await connectGraphqlWsMany(api.wsUrl, accounts.map((a) => ({ authorization: `Bearer ${a.token}` })));
  return { api, accounts, clients };
}

const emptyFigures = (): PathFigures => ({ records: [], serverCpuMs: 0, stubCpuMs: 0, wallMs: 0 });

/**
 * Issue 7: what SoulLink's live-chat path adds to a streamed reply, side by side with (a) the
 * model's own SSE read directly and (b) a bare graphql-ws relay of the same shape, at 1, 32,
 * 128 and 256 concurrent streams, in one run against the stub model (64 chunks, 20 ms apart).
 * (c) is SoulLink with its embedded defaults; (d), when the machine has Redis, the same API
 * with REDIS_URL.
 */
export const streamingBench: BenchScenario = {
  id: 'streaming',
  async run(): Promise<BenchResult> {
    const services = await startServices();
    const { api, relay, stub } = services;
    const maxStreams = Math.max(WARM_UP_STREAMS, ...LEVELS.map((l) => l.streams));
    const clients: Client[] = [];
    try {
      process.stderr.write(`bench streaming: ${maxStreams} accounts${services.redis ? ' (twice: with and without Redis)' : ''}…\n`);
      const soullink = await soullinkTarget(api, maxStreams, 'streaming');
      clients.push(...soullink.clients);
      const soullinkRedis = services.redis ? await soullinkTarget(services.redis.api, maxStreams, 'streaming-redis') : undefined;
      if (soullinkRedis) clients.push(...soullinkRedis.clients);
      const relayClients = await connectGraphqlWsMany(relay.wsUrl, soullink.accounts.map(() => ({})));
      clients.push(...relayClients);
      const paths = new StreamingPaths(SHAPE, { stub, relay }, relayClients, { soullink, soullinkRedis });
      const pathIds: PathId[] = ['direct', 'bare', 'soullink', ...(soullinkRedis ? (['soullinkRedis'] as const) : [])];

      // Warm-up (not measured): JIT, connection pools, the stub's first requests.
      process.stderr.write('bench streaming: warm-up…\n');
      await paths.soullink(8, soullink);
      await paths.capturePrompt();
      for (let i = 0; i < 2; i++) for (const path of pathIds) await paths.run(path, WARM_UP_STREAMS);

      // What each server burns doing nothing (timers, metrics), for reading the 1-stream CPU figures.
      await sleep(500);
      const idleWindow = new CpuWindow([api.pid, relay.pid, stub.pid]);
      await sleep(IDLE_BASELINE_MS);
      const idleCpuMsPerSecond = idleWindow.usedMs().map((used) => (used * 1000) / IDLE_BASELINE_MS);

      const summaries: Summary[] = [];
      for (const level of LEVELS) {
        process.stderr.write(`bench streaming: ${level.streams} stream(s) × ${level.rounds} round(s)…\n`);
        const figures = new Map(pathIds.map((path) => [path, emptyFigures()]));
        for (let round = 0; round < level.rounds; round++) {
          // Paths interleave round by round, so drift on the machine touches them all alike.
          for (const path of pathIds) {
            const result = await paths.run(path, level.streams);
            const f = figures.get(path)!;
            f.records.push(...result.records);
            f.serverCpuMs += result.cpu[0]!;
            f.stubCpuMs += result.cpu[1]!;
            f.wallMs += result.wallMs;
            await sleep(100);
          }
        }
        for (const path of pathIds) summaries.push(summarise(level.streams, path, figures.get(path)!));
      }
      return report(summaries, paths.prompt, { api: idleCpuMsPerSecond[0]!, relay: idleCpuMsPerSecond[1]!, stub: idleCpuMsPerSecond[2]! });
    } finally {
      await disposeAll(clients);
      await relay.stop();
      await api.stop();
      await services.redis?.api.stop();
      await stub.stop();
      await services.db.drop().catch(() => undefined);
      await services.redis?.db.drop().catch(() => undefined);
    }
  },
};

function report(summaries: Summary[], prompt: { system: string; user: string }, idle: { api: number; relay: number; stub: number }): BenchResult {
  const find = (streams: number, path: PathId) => summaries.find((s) => s.streams === streams && s.path === path)!;
  const rows = summaries.map((s) => {
    const floor = find(s.streams, 'direct');
    const isFloor = s.path === 'direct';
    return [
      s.streams,
      PATH_LABEL[s.path],
      ms(s.ttftP50),
      ms(s.ttftP99),
      isFloor ? null : added(s.ttftP50, floor.ttftP50),
      isFloor ? null : added(s.ttftP99, floor.ttftP99),
      ms(s.gapP50),
      ms(s.gapP99),
      isFloor ? null : added(s.gapP50, floor.gapP50),
      isFloor ? null : added(s.gapP99, floor.gapP99),
      pct(s.stallShare),
      `${s.lostChunks} / ${s.lostChars}${s.failed ? ` (${s.failed} failed)` : ''}`,
      s.eventsPerStream.toFixed(1),
      `${s.cpuUsPerChunk.toFixed(1)}${isFloor ? ' (stub)' : ''}`,
    ];
  });

  const targets: TargetCheck[] = [];
  const has = (n: number) => summaries.some((s) => s.streams === n);
  const sl = (n: number) => find(n, 'soullink');
  const floorOf = (n: number) => find(n, 'direct');
  const bareOf = (n: number) => find(n, 'bare');
  // The bare relay's own added figure goes beside each absolute target: where it misses the
  // target too, so must anything that relays through graphql-ws on this machine.
  const bareAdded = (n: number, of: (s: Summary) => number) => `; the bare relay's own: ${(of(bareOf(n)) - of(floorOf(n))).toFixed(2)} ms`;
  if (has(1)) {
    const addedTtft = sl(1).ttftP50 - floorOf(1).ttftP50;
    targets.push({ what: 'SoulLink added TTFT p50 @1 stream', target: '≤ 3 ms', measured: `${addedTtft.toFixed(2)} ms${bareAdded(1, (s) => s.ttftP50)}`, met: addedTtft <= 3 });
  }
  if (has(32)) {
    const added = sl(32).ttftP50 - floorOf(32).ttftP50;
    const bare = bareOf(32).ttftP50 - floorOf(32).ttftP50;
    targets.push({
      what: 'SoulLink added TTFT p50 @32 simultaneous sends vs bare relay',
      target: `≤ 1.5 × bare (${(1.5 * bare).toFixed(2)} ms)`,
      measured: `${added.toFixed(2)} ms (${(added / bare).toFixed(2)} × bare)`,
      met: added <= 1.5 * bare,
    });
  }
  for (const n of [1, 32].filter(has)) {
    const addedGap = sl(n).gapP99 - floorOf(n).gapP99;
    targets.push({ what: `SoulLink added gap p99 @${n} stream${n > 1 ? 's' : ''}`, target: '≤ 1 ms', measured: `${addedGap.toFixed(2)} ms${bareAdded(n, (s) => s.gapP99)}`, met: addedGap <= 1 });
  }
  for (const n of [128, 256].filter(has)) {
    const s = sl(n);
    const b = bareOf(n);
    targets.push({ what: `SoulLink gap p99 @${n} vs bare relay`, target: `≤ bare (${b.gapP99.toFixed(2)} ms)`, measured: `${s.gapP99.toFixed(2)} ms`, met: s.gapP99 <= b.gapP99 });
    targets.push({ what: `SoulLink stalls @${n} vs bare relay`, target: `≤ bare (${pct(b.stallShare)})`, measured: `${pct(s.stallShare)}`, met: s.stallShare <= b.stallShare });
    targets.push({
      what: `SoulLink server CPU per chunk @${n} vs bare relay`,
      target: `≤ 1.5 × bare (${(1.5 * b.cpuUsPerChunk).toFixed(1)} µs)`,
      measured: `${s.cpuUsPerChunk.toFixed(1)} µs (${(s.cpuUsPerChunk / b.cpuUsPerChunk).toFixed(2)} × bare)`,
      met: s.cpuUsPerChunk <= 1.5 * b.cpuUsPerChunk,
    });
  }
  const lossy = summaries.filter((s) => s.lostChars !== 0 || s.lostChunks !== 0 || s.failed > 0);
  targets.push({
    what: 'lost chunks / text, every path and level',
    target: '0',
    measured: lossy.length === 0 ? '0' : lossy.map((s) => `${PATH_LABEL[s.path]} @${s.streams}: ${s.lostChunks} chunks, ${s.lostChars} chars, ${s.failed} failed`).join('; '),
    met: lossy.length === 0,
  });

  return {
    id: 'streaming',
    title: `Streaming: SoulLink vs bare relay vs direct SSE (${CHUNK_COUNT} chunks, ${CHUNK_INTERVAL_MS} ms apart)`,
    table: {
      columns: ['streams', 'path', 'TTFT p50 ms', 'TTFT p99 ms', '+TTFT p50', '+TTFT p99', 'gap p50 ms', 'gap p99 ms', '+gap p50', '+gap p99', `stalls (gap > ${STALL_MS} ms)`, 'lost chunks / chars', 'events / stream', 'server CPU µs / chunk'],
      rows,
    },
    targets,
    notes: [
      `One run, three paths per level, interleaved round by round (rounds per level: ${LEVELS.map((l) => `${l.streams}→${l.rounds}`).join(', ')}); a stream's start is spread over one chunk interval (${CHUNK_INTERVAL_MS} ms / streams), as independent users would be. Warm-up rounds (8 and 2 × 32 streams per path) are not counted.`,
      'Stub, API, bare relay and the benchmark client are separate processes on loopback and share the machine' +
        ` (${cpus().length} cores): the client (this process) parses SSE without JSON.parse for (a) and uses graphql-ws createClient + ws for (b) and (c).`,
      'TTFT: from the request (a), the subscribe message (b) or the sendChatMessage POST (c) leaving the client to the first text arriving; "+" columns subtract the floor (a) at the same level (a difference of percentiles).',
      'Gaps are measured per delivered event. SoulLink may merge deltas that arrive while one append is in flight into one AI_CHUNK (ChunkEmitter), so loss is counted in text (characters, and chunks = characters / 6); "events / stream" shows how many AI_CHUNKs a 64-chunk reply became. AI_COMPLETE.text is also checked against the model reply.',
      'Server CPU per chunk: utime + stime from /proc/<pid>/stat over each round (10 ms ticks), divided by the model chunks delivered (64 per complete stream). (a) reports the stub\'s own CPU for reference; (b) the relay process; (c) only the SoulLink API process, from the first sendChatMessage to the last AI_COMPLETE (a reply that finishes early may start its coach call inside that window).',
      `(c) is SoulLink with its embedded defaults (no REDIS_URL: in-process chat event log, short-term memory, rate limiter and jobs), the configuration the targets are judged on. ${
        summaries.some((x) => x.path === 'soullinkRedis')
          ? '(d) is the same API with REDIS_URL (this machine\'s Redis: event log in Redis behind the failover wrapper, short-term memory, limits and pub/sub in Redis) on a database of its own; its CPU column counts the API process only, not Redis.'
          : '(d), the same API with REDIS_URL, was not run: no Redis on this machine.'
      }`,
      'Both SoulLink APIs run against a fresh, migrated PostgreSQL database with the default global rate limit (600 operations a minute per user: a chatEvents subscription counts once, when subscribed, its events not at all); only registration (every account from one address) and the chat class (at 1 stream one user sends about 40 messages a minute, a person 30) are lifted. Each SoulLink stream is the first message of a fresh chat (named, so no automatic-title call follows) of a user with one PARTNER persona and no long-term memories (the recall intent check is skipped, as it is for a new user); the coach (SUGGESTIONS) runs after each reply, on the fast tier, answered at once by the stub.',
      `Idle baseline (clients connected, nothing streaming, ${IDLE_BASELINE_MS / 1000} s): SoulLink API ${idle.api.toFixed(1)} ms CPU/s, bare relay ${idle.relay.toFixed(1)} ms/s, stub ${idle.stub.toFixed(1)} ms/s. The windows count it too: at 1 stream (a round lasts about 1.3 s for 64 chunks) that is about ${((idle.api * 1.3 * 1000) / CHUNK_COUNT).toFixed(0)} µs per chunk of the API's figure, ${((idle.relay * 1.3 * 1000) / CHUNK_COUNT).toFixed(0)} of the relay's and ${((idle.stub * 1.3 * 1000) / CHUNK_COUNT).toFixed(0)} of the stub's; at 32 streams and more it is negligible.`,
      `Paths (a) and (b) send the stub the same prompt SoulLink sent it (captured after the warm-up: ${prompt.system.length + prompt.user.length} characters), so the model side does the same work on every path.`,
    ],
    details: { summaries, idleCpuMsPerSecond: idle, chunkCount: CHUNK_COUNT, chunkIntervalMs: CHUNK_INTERVAL_MS, replyChars: REPLY.length },
  };
}
