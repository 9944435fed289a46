import {
  CompatibilityReportDocument,
  CreateMatchModelDocument,
  CreatePersonaDocument,
  CreateStudyDatasetDocument,
  RankCandidatesDocument,
  RegisterDocument,
  SimulationDocument,
  StartSimulationDocument,
  StartStudyDocument,
  StudyDocument,
  StudyResultDocument,
} from '../graphql/generated/graphql';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import { generateSpeedDating, SIGNAL, speedDatingCsv, speedDatingSchema } from '../src/kernel/study';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { simulationJudgeRules } from './support/judge-script';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';

/*
 * SoulLink simulation scores as study features, through GraphQL with the stub model server: pairs
 * linked to the analyst's personas take the couple's latest completed simulation's scores (sim:),
 * the rest have them missing beside sim:has_simulation = 0; the kept model's card names the judge
 * model; a later compatibility report is covered by it; ranking uses each couple's simulation.
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

async function simulate(token: string, selfPersonaId: string, partnerPersonaId: string, seed: string): Promise<string> {
  const { startSimulation } = await t.http.ok(
    StartSimulationDocument,
    { input: { selfPersonaId, partnerPersonaId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed } },
    token,
  );
  await eventually(async () => {
    const status = (await t.http.ok(SimulationDocument, { id: startSimulation.simulation.id }, token)).simulation.status;
    if (status === 'FAILED' || status === 'CANCELLED') throw new Error(`simulation ${status}`);
    return status === 'COMPLETED';
  }, 60_000);
  return startSimulation.simulation.id;
}

/** The synthetic pairs table with two persona columns: every 3rd pair linked to (self, simulated), every 3rd + 1 to (self, unsimulated). */
function linkedTables(self: string, simulated: string, unsimulated: string) {
  const files = speedDatingCsv(generateSpeedDating({ seed: 62, people: 80, signal: SIGNAL.strong }));
  const lines = files.pairs.trim().split('\n');
  const pairs = [
    `${lines[0]},self_persona,partner_persona`,
    ...lines.slice(1).map((line, i) => `${line},${i % 3 === 0 ? `${self},${simulated}` : i % 3 === 1 ? `${self},${unsimulated}` : ','}`),
  ].join('\n');
  const schema = speedDatingSchema();
  return { people: files.people, pairs, schema: { ...schema, pairs: { ...schema.pairs, personas: { self: 'self_persona', partner: 'partner_persona' } } }, n: lines.length - 1 };
}

describe('Simulation scores as study features through GraphQL', () => {
  it('When pairs are linked to personas, Then the couple’s completed simulation gives sim: features, the rest are imputed per fold, and the kept model covers later reports and ranks with them', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const token = register.accessToken;
    await t.app.services.orm.em.getConnection().execute(`update users set tier = 'PREMIUM' where id = ?`, [register.user.id]);
    const persona = async (kind: 'SELF' | 'PARTNER', name: string) => (await t.http.ok(CreatePersonaDocument, { input: { kind, name, interests: ['hiking'] } }, token)).createPersona.persona.id;
    const self = await persona('SELF', 'Alex');
    const mei = await persona('PARTNER', 'Mei');
    const sam = await persona('PARTNER', 'Sam');
    await simulate(token, self, mei, 'before-study');

    const tables = linkedTables(self, mei, sam);
    const { createStudyDataset } = await t.http.ok(
      CreateStudyDatasetDocument,
      { input: { name: 'linked', format: 'CSV', schema: JSON.stringify(tables.schema), people: tables.people, pairs: tables.pairs } },
      token,
    );
    const { startStudy } = await t.http.ok(StartStudyDocument, { input: { datasetId: createStudyDataset.dataset.id, seed: 5, outerFolds: 3, innerFolds: 2, resamples: 100 } }, token);
    await eventually(async () => {
      const { study } = await t.http.ok(StudyDocument, { id: startStudy.study.id }, token);
      if (study.status === 'FAILED') throw new Error(`study failed: ${study.errorMessage}`);
      return study.status === 'SUCCEEDED';
    }, 90_000);

    const result = (await t.http.ok(StudyResultDocument, { id: startStudy.study.id }, token)).study.result!;
    const names = result.coefficients.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['sim:has_simulation', 'sim:overall', ...DIMENSION_KEYS.map((k) => `sim:${k}`)]));
    const covered = Math.ceil(tables.n / 3);
    // Only the (self, Mei) pairs have a simulation: the rest lack its scores and say so.
    expect(result.imputation.find((i) => i.name === 'sim:overall')).toMatchObject({ missing: tables.n - covered });
    expect(result.imputation.find((i) => i.name === 'sim:has_simulation')).toMatchObject({ missing: 0 });
    expect(result.caveats.join('\n')).toContain(`${covered + Math.ceil((tables.n - 1) / 3)} of ${tables.n} pairs are linked to personas, ${covered} of them with a completed simulation`);

    const { createMatchModel } = await t.http.ok(CreateMatchModelDocument, { input: { studyId: startStudy.study.id, name: 'with simulations' } }, token);
    expect(createMatchModel.matchModel.card.llm.length).toBeGreaterThan(0);
    expect(createMatchModel.matchModel.card.llm[0]!.promptVersion).toMatch(/^simulation\.score-episode v\d+$/);

    // A report written after the model was kept cites it: its scores are now covered.
    const later = await simulate(token, self, sam, 'after-study');
    const report = (await t.http.ok(CompatibilityReportDocument, { simulationId: later }, token)).compatibilityReport!;
    expect(report.validity).toMatchObject({ status: 'VALIDATED', covering: { modelId: createMatchModel.matchModel.id, basis: 'simulation scores' } });

    // Ranking takes each couple's latest completed simulation: both now have one, so nothing about it is imputed.
    const { rankCandidates } = await t.http.ok(RankCandidatesDocument, { selfPersonaId: self, partnerPersonaIds: [mei, sam], modelId: createMatchModel.matchModel.id }, token);
    for (const c of rankCandidates.candidates) {
      expect(c.missing.filter((m) => m.startsWith('sim:'))).toEqual([]);
      expect(c.contributions.find((x) => x.feature === 'sim:has_simulation')!.value).toBe(1);
      expect(c.reasons.join(' ')).not.toContain('No completed simulation');
    }
  }, 240_000);

  it('When a linked pair names only one of the two personas, Then the upload is refused with its line and column', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const tables = linkedTables('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003');
    const lines = tables.pairs.split('\n');
    lines[3] = lines[3]!.replace(/,[^,]*,[^,]*$/, ',00000000-0000-4000-8000-000000000001,');
    const refused = await t.http.request(
      CreateStudyDatasetDocument,
      { input: { name: 'half linked', format: 'CSV', schema: JSON.stringify(tables.schema), people: tables.people, pairs: lines.join('\n') } },
      register.accessToken,
    );
    expect(errorCode(refused)).toBe('STUDY_DATASET_INVALID');
    expect(refused.errors![0]!.extensions).toMatchObject({ table: 'pairs', line: 4, column: 'partner_persona' });
  });
});
