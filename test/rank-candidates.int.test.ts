import {
  CreateMatchModelDocument,
  CreatePersonaDocument,
  CreateStudyDatasetDocument,
  RankCandidatesDocument,
  RegisterDocument,
  SimulationDocument,
  StartStudyDocument,
  StudyDocument,
} from '../graphql/generated/graphql';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import { generateSpeedDating, SIGNAL, speedDatingCsv, speedDatingSchema } from '../src/kernel/study';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { simulationJudgeRules } from './support/judge-script';
import { newAccountInput, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';

/*
 * rankCandidates with simulateTopK through GraphQL, against the stub model server (the set-up of
 * test/simulations.int.test.ts): the top k get a short simulation and, once it has finished, its
 * measures; the rest get none; a token budget that covers one simulation stops after the first.
 */

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
});
afterAll(() => close());
beforeEach(() => {
  stub.reset();
  stub.script(simulationJudgeRules());
});

/** A PREMIUM analyst (3 simulations at a time, 5 partners) with a kept match model and a SELF and three PARTNER personas. */
async function analystWithModel() {
  const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
  const token = register.accessToken;
  await t.app.services.orm.em.getConnection().execute(`update users set tier = 'PREMIUM' where id = ?`, [register.user.id]);
  const files = speedDatingCsv(generateSpeedDating({ seed: 61, people: 80, signal: SIGNAL.strong }));
  const { createStudyDataset } = await t.http.ok(
    CreateStudyDatasetDocument,
    { input: { name: 'small', format: 'CSV', schema: JSON.stringify(speedDatingSchema()), people: files.people, pairs: files.pairs } },
    token,
  );
  const { startStudy } = await t.http.ok(StartStudyDocument, { input: { datasetId: createStudyDataset.dataset.id, seed: 3, outerFolds: 3, innerFolds: 2, resamples: 100 } }, token);
  await eventually(async () => {
    const { study } = await t.http.ok(StudyDocument, { id: startStudy.study.id }, token);
    if (study.status === 'FAILED') throw new Error(`study failed: ${study.errorMessage}`);
    return study.status === 'SUCCEEDED';
  }, 90_000);
  const model = async (name: string) => (await t.http.ok(CreateMatchModelDocument, { input: { studyId: startStudy.study.id, name } }, token)).createMatchModel.matchModel.id;
  const persona = async (kind: 'SELF' | 'PARTNER', name: string) => (await t.http.ok(CreatePersonaDocument, { input: { kind, name, interests: ['hiking'] } }, token)).createPersona.persona.id;
  const self = await persona('SELF', 'Alex');
  // No study attributes: every candidate scores the same, so the ranking falls back to the name.
  const partners = [await persona('PARTNER', 'Ana'), await persona('PARTNER', 'Ben'), await persona('PARTNER', 'Cy')];
  return { token, model, self, partners };
}

describe('rankCandidates with simulateTopK through GraphQL', () => {
  it('When the top 2 of 3 are simulated, Then they get short simulations and, once finished, their measures; the third gets none', async () => {
    const { token, model, self, partners } = await analystWithModel();
    const modelId = await model('ranking');
    const rank = async () => (await t.http.ok(RankCandidatesDocument, { selfPersonaId: self, partnerPersonaIds: partners, modelId, simulateTopK: 2 }, token)).rankCandidates.candidates;

    const first = await rank();
    expect(first.map((c) => c.name)).toEqual(['Ana', 'Ben', 'Cy']);
    for (const c of first.slice(0, 2)) {
      expect(c.simulationNote).toBeNull();
      expect(c.simulation).toMatchObject({ id: c.simulationId, startedNow: true, tokenBudget: 40_000, overall: null, dimensions: [] });
    }
    expect(first[2]).toMatchObject({ simulationId: null, simulationNote: null, simulation: null });

    const ids = first.slice(0, 2).map((c) => c.simulationId!);
    await eventually(async () => {
      const statuses = await Promise.all(ids.map(async (id) => (await t.http.ok(SimulationDocument, { id }, token)).simulation.status));
      if (statuses.some((s) => s === 'FAILED' || s === 'CANCELLED')) throw new Error(`a simulation ended ${statuses.join(', ')}`);
      return statuses.every((s) => s === 'COMPLETED');
    }, 60_000);

    // Ranked again with the same model: the finished simulations are reused (nothing new starts) and their measures added.
    const second = await rank();
    expect(second.slice(0, 2).map((c) => c.simulationId)).toEqual(ids);
    for (const c of second.slice(0, 2)) {
      const s = c.simulation!;
      expect(s).toMatchObject({ status: 'COMPLETED', startedNow: false, episodes: 1 });
      expect(s.tokensUsed).toBeGreaterThan(0);
      expect(s.overall!.n).toBe(1);
      expect(s.overall!.mean).toBeGreaterThan(0);
      expect(s.dimensions.map((d) => d.key)).toHaveLength(DIMENSION_KEYS.length);
      expect(s.pairMeasures.length).toBeGreaterThan(0);
    }
    expect(second[2]).toMatchObject({ simulationId: null, simulation: null });
    const { rows } = await t.app.services.orm.em.getConnection().execute(`select count(*)::int as n from simulations where self_persona_id = ?`, [self], 'all').then((r) => ({ rows: r as { n: number }[] }));
    expect(rows[0]!.n).toBe(2);
  }, 180_000);

  it('When the batch’s token budget covers one short simulation, Then only the first is started and the second says why', async () => {
    const { token, model, self, partners } = await analystWithModel();
    const modelId = await model('budgeted');
    const { rankCandidates } = await t.http.ok(
      RankCandidatesDocument,
      { selfPersonaId: self, partnerPersonaIds: partners, modelId, simulateTopK: 2, simulationTokenBudget: 50_000 },
      token,
    );
    const [top, next, last] = rankCandidates.candidates;
    expect(top!.simulation).toMatchObject({ startedNow: true, tokenBudget: 40_000 });
    expect(next!.simulation).toBeNull();
    expect(next!.simulationId).toBeNull();
    expect(next!.simulationNote).toMatch(/token budget \(50000 tokens\) cannot cover another short simulation/);
    expect(last!.simulation).toBeNull();
    expect(last!.simulationNote).toBeNull();
    const started = (await t.app.services.orm.em.getConnection().execute(`select count(*)::int as n from simulations where self_persona_id = ?`, [self], 'all')) as { n: number }[];
    expect(started[0]!.n).toBe(1);
    // Let the one simulation finish so the app closes on an idle worker.
    await eventually(async () => (await t.http.ok(SimulationDocument, { id: top!.simulationId! }, token)).simulation.status !== 'QUEUED', 60_000).catch(() => undefined);
  }, 180_000);
});
