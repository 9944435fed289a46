import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { CreatePersonaDocument, RegisterDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { simulationJudgeRules } from './support/judge-script';
import { migratedDatabase } from './support/migrated-database';
import { seededRandom } from './support/seeded-random';
import { dropDatabase } from './support/test-database';
import { startSoullink } from './support/child-process';
import { hasRedisServer, startPrivateRedis } from './support/private-redis';
import { TEST_JWT_SECRET, TEST_MASTER_KEY, newAccountInput, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue #19, "no stuck run, ever": 50 short runs on three worker processes while a seeded
 * chaos driver SIGKILLs workers (at random, and the same run's worker again and again),
 * SIGSTOPs one past its job lock, and drops every Redis and PostgreSQL connection. Every run
 * must end (COMPLETED, or CANCELLED/FAILED with a reason and its event), each turn exactly
 * once, each event stream without gaps or repeats and closed by its terminal event, every
 * user's concurrent-run slot free. CHAOS_SEED=<n> replays a run's sequence of actions.
 */
const RUNS = 50;
const USERS = 30;
const WORKERS = 3;
const JOB_LOCK_MS = 2000;
const MAX_TURNS = 4;
/** How long the chaos goes on (the runs submitted after it still run; most are hit). */
const CHAOS_MS = 60_000;
/** After the chaos, how long every run gets to end (a run whose job failed for stalling waits for the sweep: every 2 × JOB_LOCK_MS). */
const SETTLE_MS = 120_000;

const TERMINAL: Record<string, string> = { COMPLETED: 'REPORT_READY', FAILED: 'FAILED', CANCELLED: 'CANCELLED' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!hasRedisServer) process.stderr.write('chaos-runs.int.test.ts skipped: it needs a redis-server binary (a private Redis whose connections it drops)\n');

(hasRedisServer ? describe : describe.skip)('No stuck run, ever: 50 runs under chaos (workers killed and paused, Redis and PostgreSQL connections dropped)', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let stub: StubLlmServer;
  let databaseUrl: string;
  let api: TestApp;
  let pg: Client;
  let redisAdmin: Redis;
  /** Every worker process started, so none outlives the suite (a failed assertion included). */
  const spawned: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'soullink-chaos-'));

  beforeAll(async () => {
    redis = await startPrivateRedis();
    // Small delays: a run lasts a few seconds, long enough to be hit mid-episode.
    stub = await startStubLlmServer({ defaults: { firstTokenLatencyMs: 60, chunkCount: 4, chunkIntervalMs: 25 } });
    stub.script([
      ...simulationJudgeRules({ score: () => 6, citations: ['t1'] }),
      // Distinct role-play lines (echoes of echoes look alike and end episodes early as stale).
      ...Array.from({ length: 950 }, (_, i) => ({ reply: `Line ${i + 1}: what would make this week easier for you?`, times: 1 })),
    ]);
    // A database of its own: the workers' sweep re-queues every unfinished run it finds.
    databaseUrl = await migratedDatabase(process.env.TEST_DATABASE_URL!, 'soullink_chaos');
    api = await startTestApp({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local', JOB_LOCK_MS: String(JOB_LOCK_MS) });
    pg = new Client({ connectionString: databaseUrl });
    // The driver's own connection is spared by its terminations; keep an error from ending jest.
    pg.on('error', () => undefined);
    await pg.connect();
    redisAdmin = new Redis(redis.url, { maxRetriesPerRequest: null });
    // knex prints every broken connection of this process's API with console.log: hundreds of lines here.
    const log = console.log.bind(console);
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Connection Error')) log(...args);
    });
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await api?.close();
    redisAdmin?.disconnect();
    await pg?.end();
    await stub?.close();
    await redis?.stop();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  it('When workers die, stall and lose their connections at random, Then every run ends, every turn is played once and no slot stays taken', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    process.stderr.write(`chaos-runs: seed ${seed} (CHAOS_SEED=${seed} replays the same actions)\n`);
    const started = Date.now();
    const stats = { kills: 0, repeatedKills: 0, pauses: 0, redisDrops: 0, redisPauses: 0, pgDrops: 0, submitRetries: 0, bootFailures: 0 };
    const log: string[] = [];
    const note = (line: string) => log.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);

    // --- Workers: one slot each; a killed worker is replaced at once.
    const baseEnv: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      LLM_BASE_URL: stub.baseUrl,
      LLM_API_KEY: 'stub',
      MODERATION: 'local',
      JWT_SECRET: TEST_JWT_SECRET,
      MASTER_KEY: TEST_MASTER_KEY,
      JOB_LOCK_MS: String(JOB_LOCK_MS),
      WORKER_METRICS_PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
    };
    type Worker = { name: string; proc: ReturnType<typeof startSoullink>; expectedExit: boolean };
    const slots: Worker[] = [];
    const retired: Worker[] = [];
    const unexpectedExits: string[] = [];
    let generation = 0;
    const spawnWorker = (slot: number): Worker => {
      generation += 1;
      // The name shows in pg_stat_activity: it tells which worker holds which run's lock.
      const name = `chaos-w${slot}-g${generation}`;
      const worker: Worker = { name, proc: startSoullink('worker', { ...baseEnv, PGAPPNAME: name }), expectedExit: false };
      spawned.push(worker.proc.child);
      worker.proc.child.once('exit', (code, signal) => {
        if (worker.expectedExit) return;
        if (!worker.proc.output().includes('worker consuming jobs')) {
          // Its connections were dropped while it started: it fails fast, and its supervisor
          // (here this driver) starts it again. Runs are not at stake; one that crashes while
          // serving is.
          stats.bootFailures += 1;
          note(`${name} failed to start (connections dropped while it booted); started again`);
        } else {
          const tail = worker.proc.output().split('\n').filter((l) => !l.startsWith('{"level":30')).join('\n').slice(-2500);
          unexpectedExits.push(`${name} exited by itself (code ${code}, signal ${signal}): ${tail}`);
        }
        if (slots[slot] === worker) {
          retired.push(worker);
          slots[slot] = spawnWorker(slot);
        }
      });
      return worker;
    };
    /** Per run: how often the worker holding it was killed, or paused. */
    const killsOf = new Map<string, number>();
    const pausedRuns = new Set<string>();
    const heldBy = async (worker: Worker) => (await holders()).filter((h) => h.holder === worker.name).map((h) => h.id);
    const killSlot = async (slot: number, why: string) => {
      const worker = slots[slot]!;
      for (const id of await heldBy(worker)) killsOf.set(id, (killsOf.get(id) ?? 0) + 1);
      worker.expectedExit = true;
      worker.proc.child.kill('SIGKILL');
      retired.push(worker);
      slots[slot] = spawnWorker(slot);
      stats.kills += 1;
      note(`SIGKILL ${worker.name} (${why})`);
    };
    for (let i = 0; i < WORKERS; i += 1) slots.push(spawnWorker(i));
    await Promise.all(slots.map((w) => w.proc.waitFor('worker consuming jobs', 30_000)));

    // --- Users: each starts one run, and some a second once their first has ended (the slot is free again).
    const users: { token: string; ownerId: string; selfId: string; partnerId: string; runs: string[] }[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const token = (await api.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
      const self = (await api.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
      const partner = (await api.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
      const ownerId = (await pg.query<{ id: string }>('select owner_id as id from personas where id = $1', [self.id])).rows[0]!.id;
      users.push({ token, ownerId, selfId: self.id, partnerId: partner.id, runs: [] });
    }
    const runs: { id: string; userIndex: number }[] = [];
    /** Starts a run through the API; the API may meet a dropped connection, so a failed call is looked up before it is tried again. */
    const submit = async (userIndex: number) => {
      const user = users[userIndex]!;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const { startSimulation } = await api.http.ok(
            StartSimulationDocument,
            // A scenario without an opening line: every turn is a model call.
            { input: { selfPersonaId: user.selfId, partnerPersonaId: user.partnerId, scenarioIds: ['chores-mental-load'], episodesPerScenario: 1, maxTurns: MAX_TURNS, seed: `chaos-${seed}-${runs.length}` } },
            user.token,
          );
          user.runs.push(startSimulation.simulation.id);
          runs.push({ id: startSimulation.simulation.id, userIndex });
          return;
        } catch (err) {
          const known = new Set(user.runs);
          const created = (await pg.query<{ id: string }>('select id from simulations where owner_id = $1', [user.ownerId])).rows.find((r) => !known.has(r.id));
          if (created) {
            user.runs.push(created.id);
            runs.push({ id: created.id, userIndex });
            return;
          }
          stats.submitRetries += 1;
          if (attempt >= 20) throw err;
          await sleep(250);
        }
      }
    };
    const statusOf = async () => new Map((await pg.query<{ id: string; status: string }>('select id, status from simulations')).rows.map((r) => [r.id, r.status]));

    // --- Submissions: the first runs in waves, then second runs as users' first runs end.
    const submissions = (async () => {
      for (let wave = 0; wave < 3; wave += 1) {
        for (let u = wave * 10; u < (wave + 1) * 10; u += 1) await submit(u);
        await sleep(4000);
      }
      const second = new Set<number>();
      while (runs.length < RUNS) {
        const status = await statusOf();
        const free = users.findIndex((u, i) => !second.has(i) && u.runs.length === 1 && status.get(u.runs[0]!) !== 'QUEUED' && status.get(u.runs[0]!) !== 'RUNNING');
        if (free < 0) {
          await sleep(200);
          continue;
        }
        second.add(free);
        await submit(free);
      }
    })();
    // Awaited after the chaos; marked handled so a failure meanwhile is not reported as unhandled.
    submissions.catch(() => undefined);

    // --- Chaos.
    /** Which worker holds each RUNNING run's lock (PostgreSQL advisory locks, named by the worker's connections). */
    const holders = async () =>
      (
        await pg.query<{ id: string; holder: string }>(
          `select s.id, a.application_name as holder
             from simulations s
             cross join lateral (select hashtextextended('simulation:' || s.id::text, 0) as k) h
             join pg_locks l on l.locktype = 'advisory' and l.granted
                            and l.classid = ((h.k >> 32) & 4294967295)::oid and l.objid = (h.k & 4294967295)::oid
             join pg_stat_activity a on a.pid = l.pid
            where s.status = 'RUNNING'`,
        )
      ).rows;
    const slotOf = (holder: string) => slots.findIndex((w) => w.name === holder);
    const paused = new Set<Promise<void>>();
    const pause = async (slot: number) => {
      const worker = slots[slot]!;
      for (const id of await heldBy(worker)) pausedRuns.add(id);
      const ms = JOB_LOCK_MS + 500 + Math.floor(random() * 2500);
      worker.proc.child.kill('SIGSTOP');
      stats.pauses += 1;
      note(`SIGSTOP ${worker.name} for ${ms} ms`);
      const resumed = sleep(ms).then(() => {
        worker.proc.child.kill('SIGCONT');
        note(`SIGCONT ${worker.name}`);
      });
      paused.add(resumed);
      void resumed.then(() => paused.delete(resumed));
    };
    const actions: [number, () => Promise<void>][] = [
      [
        3,
        async () => {
          const busy = await holders();
          const target = busy.length > 0 && random() < 0.8 ? slotOf(busy[Math.floor(random() * busy.length)]!.holder) : Math.floor(random() * WORKERS);
          if (target >= 0) await killSlot(target, 'at random');
        },
      ],
      [
        2,
        async () => {
          // The same run's worker, again and again: its job fails for stalling and the sweep must find it.
          const busy = await holders();
          if (busy.length === 0) return;
          const runId = busy[Math.floor(random() * busy.length)]!.id;
          const times = 2 + Math.floor(random() * 2);
          for (let k = 0; k < times; k += 1) {
            const deadline = Date.now() + 15_000;
            let holder: string | undefined;
            while (Date.now() < deadline && !holder) {
              holder = (await holders()).find((h) => h.id === runId)?.holder;
              if (!holder) await sleep(100);
            }
            const slot = holder ? slotOf(holder) : -1;
            if (slot < 0) return;
            // Let it get into the episode before it dies.
            await sleep(Math.floor(random() * 600));
            await killSlot(slot, `run ${runId.slice(0, 8)}, kill ${k + 1} of ${times}`);
            stats.repeatedKills += 1;
          }
        },
      ],
      [
        2,
        async () => {
          const candidates = slots.map((_, i) => i).filter((i) => slots[i]!.proc.child.signalCode === null);
          if (candidates.length > 0) await pause(candidates[Math.floor(random() * candidates.length)]!);
        },
      ],
      [
        2,
        async () => {
          if (random() < 0.6) {
            await redisAdmin.client('KILL', 'TYPE', 'normal');
            await redisAdmin.client('KILL', 'TYPE', 'pubsub');
            stats.redisDrops += 1;
            note('Redis: every client connection killed');
          } else {
            const ms = 300 + Math.floor(random() * 1200);
            await redisAdmin.client('PAUSE', ms, 'ALL');
            stats.redisPauses += 1;
            note(`Redis: clients paused for ${ms} ms`);
          }
        },
      ],
      [
        2,
        async () => {
          const { rowCount } = await pg.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
          stats.pgDrops += 1;
          note(`PostgreSQL: ${rowCount} connections terminated`);
        },
      ],
    ];
    const totalWeight = actions.reduce((sum, [w]) => sum + w, 0);
    const pick = () => {
      let r = random() * totalWeight;
      for (const [w, action] of actions) {
        if ((r -= w) < 0) return action;
      }
      return actions[0]![1];
    };
    const chaosStarted = Date.now();
    while (Date.now() - chaosStarted < CHAOS_MS) {
      await sleep(700 + Math.floor(random() * 1300));
      await pick()();
    }
    await Promise.all([...paused]);
    const chaosEnded = Date.now();
    note('chaos over');
    await submissions;
    note('every run submitted');

    // --- Every run ends (bounded).
    const deadline = Date.now() + SETTLE_MS;
    let open: string[] = [];
    for (;;) {
      const status = await statusOf();
      open = runs.map((r) => r.id).filter((id) => ['QUEUED', 'RUNNING'].includes(status.get(id) ?? ''));
      if (open.length === 0 || Date.now() > deadline) break;
      await sleep(500);
    }
    const settled = Date.now();
    for (const w of slots) w.expectedExit = true;
    await Promise.all(slots.map(async (w) => {
      const exited = new Promise((r) => w.proc.child.once('exit', r));
      w.proc.child.kill('SIGTERM');
      await Promise.race([exited, sleep(8000).then(() => w.proc.child.kill('SIGKILL'))]);
    }));

    // --- What every run looks like.
    const problems: string[] = [];
    const outcomes: Record<string, number> = {};
    for (const { id } of runs) {
      const run = (await pg.query<{ status: string; failure_reason: string | null }>('select status, failure_reason from simulations where id = $1', [id])).rows[0]!;
      const outcome = run.failure_reason ? `${run.status}: ${run.failure_reason}` : run.status;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const events = (await pg.query<{ seq: number; type: string; payload: Record<string, unknown> }>('select seq, type, payload from simulation_events where simulation_id = $1 order by seq', [id])).rows;
      const tag = `run ${id} (${run.status})`;
      if (!TERMINAL[run.status]) problems.push(`${tag}: not ended well`);
      if (run.status !== 'COMPLETED' && !run.failure_reason && run.status !== 'CANCELLED') problems.push(`${tag}: no reason`);
      const seqs = events.map((e) => Number(e.seq));
      if (seqs.some((s, i) => s !== i + 1)) problems.push(`${tag}: event seqs ${seqs.join(',')} are not 1..n`);
      const terminal = events.filter((e) => Object.values(TERMINAL).includes(e.type));
      if (terminal.length !== 1 || events.at(-1)?.type !== TERMINAL[run.status]) problems.push(`${tag}: terminal events ${terminal.map((e) => e.type).join(',') || 'none'}, last ${events.at(-1)?.type}`);
      const turnKeys = events.filter((e) => e.type === 'TURN').map((e) => `${String(e.payload.episodeId)}#${String(e.payload.turn)}`);
      if (new Set(turnKeys).size !== turnKeys.length) problems.push(`${tag}: a TURN event repeats (${turnKeys.join(', ')})`);
      const episodes = new Set(events.filter((e) => e.type === 'EPISODE_STARTED' || e.type === 'TURN').map((e) => String(e.payload.episodeId)));
      for (const episodeId of episodes) {
        const stored = await api.app.services.transcripts.list(episodeId, { limit: 100 });
        // Narrator lines (injected events) share their turn number; agent turns appear once each.
        const turns = stored.filter((m) => m.role !== 'system').map((m) => Number(m.metadata?.turn));
        if (turns.some((t, i) => t !== i + 1)) problems.push(`${tag}: transcript turns ${turns.join(',')} are not 1..n`);
        const announced = events.filter((e) => e.type === 'TURN' && e.payload.episodeId === episodeId);
        const emitted = announced.map((e) => Number(e.payload.turn));
        if (run.status === 'COMPLETED' && (turns.length === 0 || emitted.join(',') !== turns.join(','))) problems.push(`${tag}: transcript turns ${turns.join(',')}, TURN events ${emitted.join(',')}`);
        // Each TURN event announces the line the transcript holds for that turn, not a line of another attempt.
        const storedIds = new Set(stored.map((m) => m.id));
        const strays = announced.filter((e) => !storedIds.has(String(e.payload.messageId)));
        if (strays.length > 0) problems.push(`${tag}: TURN events of turns ${strays.map((e) => e.payload.turn).join(',')} name lines the transcript does not hold`);
      }
      if (run.status === 'COMPLETED' && episodes.size !== 1) problems.push(`${tag}: ${episodes.size} episodes played, 1 planned`);
    }
    for (const user of users) {
      const { rows } = await pg.query<{ n: string }>(`select count(*) as n from simulations where owner_id = $1 and status in ('QUEUED', 'RUNNING')`, [user.ownerId]);
      if (Number(rows[0]!.n) !== 0) problems.push(`user ${user.ownerId}: ${rows[0]!.n} run(s) still hold a concurrent-run slot`);
    }
    problems.push(...unexpectedExits);

    const logged = (message: string) => [...retired, ...slots].reduce((n, w) => n + w.proc.output().split(message).length - 1, 0);
    const summary = {
      seed,
      runs: runs.length,
      outcomes,
      ...stats,
      runsWhoseWorkerWasKilled: killsOf.size,
      mostKillsOfOneRun: Math.max(0, ...killsOf.values()),
      runsWhoseWorkerWasPaused: pausedRuns.size,
      jobsFailedForStalling: logged('job stalled more than allowable limit'),
      sweeps: logged('queued stuck simulations again'),
      retriedAfterLostConnection: logged('simulation interrupted by a lost connection'),
      handedBackAfterLosingRunLock: logged('simulation lost its run lock'),
      workersStarted: generation,
      chaosSeconds: Math.round((chaosEnded - started) / 1000),
      settleSeconds: Math.round((settled - chaosEnded) / 1000),
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
    process.stderr.write(`chaos-runs summary: ${JSON.stringify(summary)}\nchaos-runs actions:\n${log.join('\n')}\n`);
    // Why runs failed, if any did (error type and the first words of its message).
    const failures = [...retired, ...slots].flatMap((w) => w.proc.output().split('\n').filter((l) => l.includes('"msg":"simulation failed"')).map((l) => l.replace(/^.*?"err":\{"type":"([^"]*)","message":"(.{0,160}).*$/, '$1: $2')));
    if (failures.length > 0) process.stderr.write(`chaos-runs failures:\n${failures.join('\n')}\n`);
    if (problems.length > 0 || open.length > 0) {
      // Say why: the actions taken and the workers' warnings and errors (logs carry no chat text).
      const warnings = [...retired, ...slots].map((w) => `${w.name}:\n${w.proc.output().split('\n').filter((l) => /"level":(40|50|60)/.test(l)).join('\n').slice(-4000)}`);
      process.stderr.write(`chaos-runs workers:\n${warnings.join('\n')}\n`);
    }
    expect({ open, problems }).toEqual({ open: [], problems: [] });
    expect(runs).toHaveLength(RUNS);
  }, 330_000);
});
