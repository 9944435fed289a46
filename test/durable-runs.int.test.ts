import { simulationJudgeRules } from './support/judge-script';
import { migratedDatabase } from './support/migrated-database';
import { dropDatabase } from './support/test-database';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreatePersonaDocument, RegisterDocument, SimulationEventsDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startSoullink, stopProcess } from './support/child-process';
import { GraphQLClient } from './support/graphql-client';
import { hasRedisServer, startPrivateRedis } from './support/private-redis';
import { TEST_JWT_SECRET, TEST_MASTER_KEY, newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

(hasRedisServer ? describe : describe.skip)('Durable runs across processes (BullMQ workers, Redis pub/sub)', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let stub: StubLlmServer;
  let env: Record<string, string>;
  /**
   * A database of this suite's own: the workers' stuck-run sweep re-queues every QUEUED or
   * RUNNING run it finds, and the shared test database holds other suites' unfinished runs,
   * which would then run here against this suite's scripted model.
   */
  let databaseUrl: string;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stub = await startStubLlmServer({ defaults: { firstTokenLatencyMs: 80 } });
    stub.script([
      ...simulationJudgeRules({ score: () => 6, citations: ['t1'] }),
      // Distinct role-play lines (the stub's default echoes the prompt, and echoes of echoes cut
      // to one line's tokens look alike): no episode ends early as stale, every turn is played.
      ...Array.from({ length: 60 }, (_, i) => ({ reply: `Line ${i + 1}: tell me more about your week?`, times: 1 })),
    ]);
    databaseUrl = await migratedDatabase(process.env.TEST_DATABASE_URL!, 'soullink_durable');
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      LLM_BASE_URL: stub.baseUrl,
      LLM_API_KEY: 'stub',
      MODERATION: 'local',
      JWT_SECRET: TEST_JWT_SECRET,
      MASTER_KEY: TEST_MASTER_KEY,
      JOB_LOCK_MS: '3000',
      LOG_LEVEL: 'info',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'soullink-proc-')),
    };
  });
  afterAll(async () => {
    await stub.close();
    await redis.stop();
    await dropDatabase(databaseUrl);
  });

  async function couple(http: GraphQLClient) {
    const token = (await http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const self = (await http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
    const partner = (await http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    return { token, selfId: self.id, partnerId: partner.id };
  }

  it('When the worker is killed with SIGKILL mid-episode, Then another worker resumes each episode from its checkpoint and every turn appears exactly once', async () => {
    const api: TestApp = await startTestApp({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local', JOB_LOCK_MS: '3000' });
    const first = startSoullink('worker', env);
    let second: ReturnType<typeof startSoullink> | undefined;
    try {
      await first.waitFor('worker consuming jobs');
      const { token, selfId, partnerId } = await couple(api.http);
      const { startSimulation } = await api.http.ok(
        StartSimulationDocument,
        // Two scenarios without an opening line: every turn is a model call.
        { input: { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioIds: ['money-rent-on-unequal-incomes', 'chores-mental-load'], episodesPerScenario: 1, maxTurns: 6, seed: 'crash' } },
        token,
      );
      const { client } = wsClient(api.wsUrl, { authorization: `Bearer ${token}` });
      const sub = collect(client, SimulationEventsDocument, { simulationId: startSimulation.simulation.id });
      await eventually(() => sub.results.filter((r) => r.data?.simulationEvents.type === 'TURN').length >= 3, 20_000);
      await stopProcess(first.child, 'SIGKILL');
      const beforeCrash = sub.results.filter((r) => r.data?.simulationEvents.type === 'TURN').length;
      expect(beforeCrash).toBeLessThan(12);
      // The killed worker left the episodes' own checkpoints in the run's thread (one per step).
      const sql = api.app.services.orm.em.getConnection();
      const episodeCheckpoints = async () =>
        Number((await sql.execute<{ n: string }[]>(`select count(*) as n from checkpoints where thread_id = ? and checkpoint_ns like 'play-episode:%'`, [startSimulation.simulation.id]))[0]!.n);
      expect(await episodeCheckpoints()).toBeGreaterThan(0);

      second = startSoullink('worker', env);
      await sub.done;
      await client.dispose();
      const events = sub.results.map((r) => r.data!.simulationEvents);
      // On failure, say why: the run's message and the workers' warnings and errors (never chat text: logs carry none).
      const why = () => [`last event: ${JSON.stringify(events.at(-1))}`, ...[first, second].map((w, i) => `worker ${i + 1}: ${(w?.output() ?? '').split('\n').filter((l) => /"level":(40|50)/.test(l)).join('\n').slice(-3000)}`)].join('\n');
      if (events.at(-1)?.type !== 'REPORT_READY') process.stderr.write(`${why()}\n`);
      expect(events.at(-1)).toMatchObject({ type: 'REPORT_READY' });
      const turns = events.flatMap((e) => (e.turn ? [`${e.turn.episodeId}#${e.turn.turn}`] : []));
      expect(turns).toHaveLength(12);
      expect(new Set(turns).size).toBe(12);
      for (const episodeId of new Set(events.flatMap((e) => (e.turn ? [e.turn.episodeId] : [])))) {
        const stored = await api.app.services.transcripts.list(episodeId, { limit: 100 });
        // Narrator lines (injected events) share their turn number; agent turns appear once each.
        expect(stored.filter((m) => m.role !== 'system').map((m) => m.metadata?.turn)).toEqual([1, 2, 3, 4, 5, 6]);
      }
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
      // Resumed inside the episodes, not restarted: each scene was written once (a restarted
      // episode would set its scene again), and at most one turn per episode was asked of the
      // model again (the one whose checkpoint was still being written when the worker died).
      const chats = stub.requests().filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as { messages: { role: string; content: string }[]; seed?: number });
      expect(chats.filter((b) => b.messages.some((m) => m.content.includes('Set the scene for a short role-played chat')))).toHaveLength(2);
      // Turns are the seeded calls that are not the scene (each turn's seed follows from the run's seed, episode and turn).
      const turnCalls = chats.filter((b) => Number.isInteger(b.seed) && !b.messages.some((m) => m.content.includes('Set the scene for a short role-played chat')));
      expect(turnCalls.length).toBeGreaterThanOrEqual(12);
      expect(turnCalls.length).toBeLessThanOrEqual(12 + 2);
      // The finished run's checkpoints (which hold its turns) are gone.
      expect(await episodeCheckpoints()).toBe(0);
    } finally {
      await stopProcess(first.child, 'SIGKILL');
      if (second) await stopProcess(second.child);
      await api.close();
    }
  }, 90_000);

  it('When a run executes on a worker, Then a subscriber on another API process receives its events', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const apiA = startSoullink('serve', { ...env, PORT: String(portA) });
    const apiB = startSoullink('serve', { ...env, PORT: String(portB) });
    const worker = startSoullink('worker', env);
    try {
      await Promise.all([apiA.waitFor('SoulLink API listening'), apiB.waitFor('SoulLink API listening'), worker.waitFor('worker consuming jobs')]);
      const httpA = new GraphQLClient(`http://127.0.0.1:${portA}/graphql`);
      const { token, selfId, partnerId } = await couple(httpA);
      const { startSimulation } = await httpA.ok(
        StartSimulationDocument,
        { input: { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'fanout' } },
        token,
      );
      const { client } = wsClient(`ws://127.0.0.1:${portB}/graphql`, { authorization: `Bearer ${token}` });
      const sub = collect(client, SimulationEventsDocument, { simulationId: startSimulation.simulation.id });
      await sub.done;
      await client.dispose();
      const types = sub.results.map((r) => r.data!.simulationEvents.type);
      expect(types).toContain('TURN');
      expect(sub.results.at(-1)?.data?.simulationEvents).toMatchObject({ type: 'REPORT_READY' });
    } finally {
      await Promise.all([stopProcess(apiA.child), stopProcess(apiB.child), stopProcess(worker.child)]);
    }
  }, 90_000);
});
