import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreatePersonaDocument, RegisterDocument, SimulationDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { startWorker } from '../src/jobs/worker';
import { startWorkerHttp, type WorkerHttpServer } from '../src/jobs/worker-http';
import { startAppWithStub } from './support/app-with-stub';
import { newAccountInput, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

/** The value of one series in a Prometheus text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describeWithRedis('Worker observability: /healthz, /readyz and /metrics on its own port', () => {
  let t: TestApp;
  let stub: StubLlmServer;
  let close: () => Promise<void>;
  let worker: { close(): Promise<void> };
  let http: WorkerHttpServer;

  beforeAll(async () => {
    ({ t, stub, close } = await startAppWithStub({ REDIS_URL: redisUrl! }));
    http = await startWorkerHttp(t.app.services, { host: '127.0.0.1', port: 0 });
    worker = await startWorker(t.app.services);
  });
  afterAll(async () => {
    await worker.close();
    await http.close();
    await close();
  });

  it('When a simulation runs on the worker, Then its metrics page shows the job active, turns, model latency and, after, the finished job', async () => {
    expect((await fetch(`${http.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${http.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { dependencies: Record<string, unknown> }).dependencies).toHaveProperty('postgres');
    expect((await fetch(`${http.url}/graphql`)).status).toBe(404);

    // Slow replies keep the run going long enough to be scraped mid-way.
    stub.configure('*', { firstTokenLatencyMs: 120 });
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
    const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    const { startSimulation } = await t.http.ok(
      StartSimulationDocument,
      { input: { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 6, seed: 'metrics' } },
      token,
    );

    const scrape = async () => {
      const res = await fetch(`${http.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      return res.text();
    };
    let during = '';
    await eventually(async () => {
      during = await scrape();
      return (sample(during, 'soullink_simulation_turns_total') ?? 0) > 0;
    }, 30_000);
    expect(sample(during, 'soullink_queue_jobs{queue="soullink",state="active"}')).toBeGreaterThanOrEqual(1);
    expect(sample(during, 'soullink_simulation_episodes_total{stage="started"}')).toBeGreaterThanOrEqual(1);
    expect(during).toMatch(/^soullink_llm_first_token_seconds_count\{tier="chat",model="[^"]+"\} [1-9]/m);

    await eventually(async () => (await t.http.ok(SimulationDocument, { id: startSimulation.simulation.id }, token)).simulation.status === 'COMPLETED', 60_000);
    let after = '';
    await eventually(async () => {
      after = await scrape();
      // At least: on a shared Redis the worker may also pick up a run another suite left queued.
      return (sample(after, 'soullink_jobs_total{job="simulation",outcome="ok"}') ?? 0) >= 1;
    }, 30_000);
    expect(sample(after, 'soullink_job_duration_seconds_count{job="simulation"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'soullink_simulation_runs_total{outcome="report_ready"}')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^soullink_llm_call_duration_seconds_count\{tier="deep",model="[^"]+",outcome="ok"\} [1-9]/m);

    // Every metric the dashboard charts is one this process exposes.
    const dashboard = JSON.parse(readFileSync(join(__dirname, '../ops/grafana/soullink.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exposed = new Set([...after.matchAll(/^# TYPE (\S+) (\w+)/gm)].flatMap(([, name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name!])));
    const charted = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((target) => target.expr.match(/soullink_[a-z0-9_]+/g) ?? [])));
    expect(charted.size).toBeGreaterThan(10);
    expect([...charted].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
