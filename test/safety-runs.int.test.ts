import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { CreatePersonaDocument, RegisterDocument, SimulationEventsDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { runSimulation, type SimulationJobDeps } from '../src/domain/simulations/run-simulation';
import { BullmqJobRunner } from '../src/jobs/bullmq-job-runner';
import { resumeStuckRunsJob } from '../src/jobs/resume-stuck-runs.job';
import { createLogger } from '../src/observability/logger';
import { JobBusyError, type JobRunner } from '../src/ports/job-runner.port';
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
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona;
    const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona;
    const { startSimulation } = await t.http.ok(
      StartSimulationDocument,
      { input: { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 2, seed: 'sweep' } },
      token,
    );
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    await collect(client, SimulationEventsDocument, { simulationId: startSimulation.id }).done;
    await client.dispose();
    const id = startSimulation.id;
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
    const enqueued: { name: string; payload: Record<string, unknown>; jobId?: string }[] = [];
    const jobs = { enqueue: async (name: string, payload: Record<string, unknown>, options?: { jobId?: string }) => void enqueued.push({ name, payload, jobId: options?.jobId }) } as unknown as JobRunner;
    try {
      await resumeStuckRunsJob({ orm: t.app.services.orm, runLock: t.app.services.runLock, jobs, logger }, { staleMs: 10 * 60_000 })({});
    } finally {
      await release();
    }
    const mine = enqueued.filter((e) => [lost, held, active].includes(String(e.payload.simulationId)));
    expect(mine).toEqual([{ name: 'simulation', payload: { simulationId: lost }, jobId: expect.stringMatching(new RegExp(`^simulation-${lost}-sweep-\\d+$`)) }]);
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
});
