import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { CreatePersonaDocument, RegisterDocument, SimulationEventsDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { runSimulation, type SimulationJobDeps } from '../src/domain/simulations/run-simulation';
import { appendSimulationEvent, endSimulation } from '../src/domain/simulations/simulation-events';
import { SimulationStatus } from '../src/domain/simulations/simulation.entity';
import { BullmqJobRunner } from '../src/jobs/bullmq-job-runner';
import { resumeStuckRunsJob } from '../src/jobs/resume-stuck-runs.job';
import { createLogger } from '../src/observability/logger';
import { JobBusyError, type EnqueueOptions, type JobRunner } from '../src/ports/job-runner.port';
import { startAppWithStub } from './support/app-with-stub';
import { newAccountInput, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

const logger = createLogger('silent');

describe('No stuck run: the sweep', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let pg: Client;
  beforeAll(async () => {
    ({ t, close } = await startAppWithStub());
    pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await close();
  });

  /** A finished run, then put back to RUNNING as a run whose job was lost would be; `quietFor` back-dates its activity. */
  async function runLeftRunning(quietFor: string | null): Promise<string> {
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
    const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    const { startSimulation } = await t.http.ok(
      StartSimulationDocument,
      { input: { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 2, seed: 'sweep' } },
      token,
    );
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    await collect(client, SimulationEventsDocument, { simulationId: startSimulation.simulation.id }).done;
    await client.dispose();
    const id = startSimulation.simulation.id;
    await pg.query(`update simulations set status = 'RUNNING', finished_at = null where id = $1`, [id]);
    if (quietFor) {
      await pg.query(`update simulations set created_at = now() - $2::interval, started_at = now() - $2::interval where id = $1`, [id, quietFor]);
      await pg.query(`update simulation_events set created_at = now() - $2::interval where simulation_id = $1`, [id, quietFor]);
    }
    return id;
  }

  it('When runs are RUNNING, Then the sweep queues again exactly those quiet with no lock holder: not a busy one, not one just active', async () => {
    const lost = await runLeftRunning('1 hour');
    const held = await runLeftRunning('1 hour');
    const active = await runLeftRunning(null);
    const release = (await t.app.services.runLock.tryAcquire(`simulation:${held}`))!;
    const enqueued: { name: string; payload: Record<string, unknown>; options?: EnqueueOptions }[] = [];
    const jobs = { enqueue: async (name: string, payload: Record<string, unknown>, options?: EnqueueOptions) => void enqueued.push({ name, payload, options }) } as unknown as JobRunner;
    try {
      await resumeStuckRunsJob({ orm: t.app.services.orm, runLock: t.app.services.runLock, jobs, logger }, { staleMs: 10 * 60_000 })({});
    } finally {
      await release();
    }
    const mine = enqueued.filter((e) => [lost, held, active].includes(String(e.payload.simulationId)));
    // One sweep copy per run, replaced once it has finished without ending the run.
    expect(mine).toEqual([{ name: 'simulation', payload: { simulationId: lost }, options: { jobId: `simulation-${lost}-sweep`, replaceFinished: true } }]);
  }, 120_000);

  it('When two holders of a run both end it (the first holder’s lock broke), Then it ends once: the first outcome stays, one terminal event, nothing logged after it', async () => {
    const id = await runLeftRunning(null);
    const events = async () => (await pg.query<{ type: string; key: string | null }>('select type, key from simulation_events where simulation_id = $1 order by seq', [id])).rows;
    const before = (await events()).length;
    const deps = { simulationRuns: t.app.services.simulationRuns, events: t.app.services.events, clock: t.app.services.clock, logger };
    expect(await endSimulation(deps, id, SimulationStatus.COMPLETED, { tokensUsed: 42 }, 'REPORT_READY', { status: 'COMPLETED' })).toBe(true);
    expect(await endSimulation(deps, id, SimulationStatus.FAILED, { failureReason: 'late copy' }, 'FAILED', { message: 'late copy' })).toBe(false);
    expect(await appendSimulationEvent(deps, id, 'TURN', { turn: 99 }, 'late-turn')).toBeUndefined();
    const after = await events();
    expect(after.slice(before)).toEqual([{ type: 'REPORT_READY', key: null }]);
    const row = (await pg.query('select status, failure_reason, tokens_used from simulations where id = $1', [id])).rows[0];
    expect(row).toEqual({ status: 'COMPLETED', failure_reason: null, tokens_used: 42 });
  }, 120_000);

  it('When a holder’s run lock breaks under it and another worker takes it, Then it writes nothing more and hands the job back (JobBusyError); the run is not failed', async () => {
    const id = await runLeftRunning(null);
    const s = t.app.services;
    const events = async () => Number((await pg.query<{ n: string }>('select count(*) as n from simulation_events where simulation_id = $1', [id])).rows[0]!.n);
    const before = await events();
    // The lock is granted, then its session is lost at once, and another worker takes it before this one can take it back.
    let grants = 0;
    const runLock = {
      tryAcquire: async (_key: string, onLost?: (err: Error) => void) => {
        if ((grants += 1) > 1) return null;
        setImmediate(() => onLost?.(new Error('terminating connection due to administrator command')));
        return async () => undefined;
      },
    };
    const deps: SimulationJobDeps = { orm: s.orm, llm: s.llm, llmSettings: s.llmSettings, transcripts: s.transcripts, events: s.events, simulationRuns: s.simulationRuns, clock: s.clock, checkpointer: s.checkpointer, library: s.scenarioLibrary, runLock, episodeConcurrency: 1, dataKeys: s.dataKeys, logger };
    await expect(runSimulation(deps, id)).rejects.toBeInstanceOf(JobBusyError);
    expect(await events()).toBe(before);
    expect((await pg.query('select status, failure_reason from simulations where id = $1', [id])).rows[0]).toEqual({ status: 'RUNNING', failure_reason: null });
  }, 120_000);

  it('When a holder’s run lock breaks under it and nobody else has taken it, Then the holder takes it back (once, however often the loss is reported) and ends the run', async () => {
    const id = await runLeftRunning(null);
    const s = t.app.services;
    // As if it had never been played: no lines, no events.
    const episodes = (await pg.query<{ e: string }>(`select distinct payload->>'episodeId' as e from simulation_events where simulation_id = $1 and payload ? 'episodeId'`, [id])).rows;
    for (const { e } of episodes) await s.transcripts.deleteConversation(e);
    await pg.query(`delete from simulation_events where simulation_id = $1`, [id]);
    await pg.query(`update simulations set event_seq = 0 where id = $1`, [id]);
    let grants = 0;
    const runLock = {
      tryAcquire: async (_key: string, onLost?: (err: Error) => void) => {
        if ((grants += 1) === 1) {
          // The first lease is lost at once, and the loss is reported twice (the session's error, then its end).
          setImmediate(() => onLost?.(new Error('terminating connection due to administrator command')));
          setImmediate(() => onLost?.(new Error('Connection terminated unexpectedly')));
        }
        return async () => undefined;
      },
    };
    const deps: SimulationJobDeps = { orm: s.orm, llm: s.llm, llmSettings: s.llmSettings, transcripts: s.transcripts, events: s.events, simulationRuns: s.simulationRuns, clock: s.clock, checkpointer: s.checkpointer, library: s.scenarioLibrary, runLock, episodeConcurrency: 1, dataKeys: s.dataKeys, logger };
    await runSimulation(deps, id);
    expect(grants).toBe(2);
    expect((await pg.query('select status from simulations where id = $1', [id])).rows[0]).toEqual({ status: 'COMPLETED' });
    const types = (await pg.query<{ type: string }>('select type from simulation_events where simulation_id = $1 order by seq', [id])).rows.map((r) => r.type);
    expect(types.at(-1)).toBe('REPORT_READY');
  }, 120_000);

  it('When a delivery finds its run held by another process, Then it is handed back to the queue (JobBusyError), never reported done', async () => {
    const deps = { runLock: { tryAcquire: async () => null }, logger } as unknown as SimulationJobDeps;
    await expect(runSimulation(deps, '00000000-0000-4000-8000-000000000001')).rejects.toBeInstanceOf(JobBusyError);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
(redisUrl ? describe : describe.skip)('No stuck run: BullMQ delivers a busy job again', () => {
  // A database of its own: the suite's queue must not meet other suites' workers.
  const url = (() => {
    const u = new URL(redisUrl ?? 'redis://127.0.0.1:6379');
    u.pathname = '/13';
    return u.toString();
  })();
  let runner: BullmqJobRunner;
  let queue: Queue;
  beforeAll(async () => {
    const redis = new Redis(url);
    await redis.flushdb();
    redis.disconnect();
    runner = new BullmqJobRunner(url, logger, { concurrency: 2, lockMs: 5_000 });
    queue = new Queue('soullink', { connection: { url, maxRetriesPerRequest: null } });
  });
  afterAll(async () => {
    await runner.close();
    await queue.close();
  });

  it('When a handler throws JobBusyError more often than the job has attempts (4 > 3), Then the job waits delayed each time (never completed, never failed) and runs again until it can finish', async () => {
    const deliveries: string[] = [];
    const states: string[] = [];
    runner.register('busy-test', async () => {
      deliveries.push('delivery');
      if (deliveries.length <= 4) {
        setTimeout(() => void queue.getJobState('busy-1').then((s) => states.push(s)), 50);
        throw new JobBusyError(300);
      }
    });
    await runner.startConsuming();
    await runner.enqueue('busy-test', {}, { jobId: 'busy-1' });
    await eventually(async () => (await queue.getJobState('busy-1')) === 'completed', 15_000);
    expect(deliveries).toHaveLength(5);
    expect(states).toEqual(['delayed', 'delayed', 'delayed', 'delayed']);
  }, 30_000);

  it('When the sweep queues a run whose copy failed for good, Then a new copy runs (replaceFinished); while a copy still waits, none is added', async () => {
    let runs = 0;
    runner.register('sweep-test', async () => {
      runs += 1;
      throw new Error('worker lost');
    });
    await runner.enqueue('sweep-test', {}, { jobId: 'sweep-1', delayMs: 60_000 });
    await runner.enqueue('sweep-test', {}, { jobId: 'sweep-1', replaceFinished: true });
    expect(await queue.getJobState('sweep-1')).toBe('delayed');
    await queue.remove('sweep-1');
    await runner.enqueue('sweep-test', {}, { jobId: 'sweep-1' });
    // Three attempts (1 s, 2 s backoff), then failed for good: a plain enqueue of that id is ignored...
    await eventually(async () => (await queue.getJobState('sweep-1')) === 'failed', 15_000);
    expect(runs).toBe(3);
    await runner.enqueue('sweep-test', {}, { jobId: 'sweep-1' });
    expect(await queue.getJobState('sweep-1')).toBe('failed');
    // ...one that replaces a finished job runs again.
    await runner.enqueue('sweep-test', {}, { jobId: 'sweep-1', replaceFinished: true });
    await eventually(() => runs > 3, 10_000);
  }, 30_000);
});
