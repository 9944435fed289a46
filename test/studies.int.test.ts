import { readFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import {
  CreateMatchModelDocument,
  CreatePersonaDocument,
  CreateStudyDatasetDocument,
  MatchModelDocument,
  MatchModelsDocument,
  RankCandidatesDocument,
  RegisterDocument,
  SetPersonaStudyAttributesDocument,
  StartStudyDocument,
  StudyDatasetDocument,
  StudyDocument,
  StudyProgressDocument,
  StudyReportDocument,
  StudyResultDocument,
  type StudyProgressSubscription,
} from '../graphql/generated/graphql';
import { errorCode } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

const EXAMPLE = join(__dirname, '..', 'examples', 'study');
const schema = readFileSync(join(EXAMPLE, 'schema.json'), 'utf8');
const peopleCsv = readFileSync(join(EXAMPLE, 'data', 'people.csv'), 'utf8');
const pairsCsv = readFileSync(join(EXAMPLE, 'data', 'pairs.csv'), 'utf8');
/** Small, fast settings: the figures are less precise, which the tests allow for. */
const FAST = { outerFolds: 3, innerFolds: 2, resamples: 100 };

let t: TestApp;
let pg: Client;

beforeAll(async () => {
  t = await startTestApp();
  pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await t.close();
});

async function newUser(): Promise<{ token: string; userId: string }> {
  const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
  return { token: register.accessToken, userId: register.user.id };
}

async function datasetRows(userId: string): Promise<number> {
  const { rows } = await pg.query<{ n: number }>('select count(*)::int as n from study_datasets where owner_id = $1', [userId]);
  return rows[0]!.n;
}

/** The streamed upload path: header, then each table as a streamed body. */
async function upload(path: string, token: string, init: { method: string; body?: string | Readable; json?: unknown }) {
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body instanceof Readable ? (Readable.toWeb(init.body) as ReadableStream) : init.body;
  const res = await fetch(`${t.baseUrl}${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${token}`, 'content-type': init.json !== undefined ? 'application/json' : 'text/csv' },
    body,
    ...(init.body instanceof Readable ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function uploadExample(token: string): Promise<string> {
  const { createStudyDataset } = await t.http.ok(
    CreateStudyDatasetDocument,
    { input: { name: 'speed dating', format: 'CSV', schema, people: peopleCsv, pairs: pairsCsv } },
    token,
  );
  return createStudyDataset.dataset.id;
}

async function runStudyToEnd(token: string, datasetId: string) {
  const { startStudy } = await t.http.ok(StartStudyDocument, { input: { datasetId, seed: 7, ...FAST } }, token);
  const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
  const sub = collect(client, StudyProgressDocument, { studyId: startStudy.study.id });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([sub.done, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('study did not finish in 90 s')), 90_000)))]);
  } finally {
    clearTimeout(timer);
    await client.dispose();
  }
  const events = sub.results.map((r) => (r.data as StudyProgressSubscription).studyProgress);
  return { studyId: startStudy.study.id, events };
}

describe('Study datasets', () => {
  it('When the shipped example is uploaded through GraphQL and through the streamed HTTP path, Then both are READY with the same content hash and counts', async () => {
    const { token } = await newUser();
    const viaGraphql = (await t.http.ok(StudyDatasetDocument, { id: await uploadExample(token) }, token)).studyDataset;
    expect(viaGraphql).toMatchObject({ status: 'READY', format: 'CSV', stats: { people: 300, pairs: 3070, groups: 15, conversations: 0 } });
    expect(viaGraphql.hash).toMatch(/^[0-9a-f]{64}$/);

    const begun = await upload('/v1/study-datasets', token, { method: 'POST', json: { name: 'speed dating (streamed)', format: 'CSV', schema: JSON.parse(schema) } });
    expect(begun).toMatchObject({ status: 201, body: { status: 'UPLOADING' } });
    const id = begun.body.id as string;
    const people = await upload(`/v1/study-datasets/${id}/people`, token, { method: 'PUT', body: createReadStream(join(EXAMPLE, 'data', 'people.csv'), { highWaterMark: 4096 }) });
    expect(people).toMatchObject({ status: 200, body: { status: 'UPLOADING', peopleRows: 300 } });
    const pairs = await upload(`/v1/study-datasets/${id}/pairs`, token, { method: 'PUT', body: createReadStream(join(EXAMPLE, 'data', 'pairs.csv'), { highWaterMark: 4096 }) });
    expect(pairs).toMatchObject({ status: 200, body: { status: 'READY', stats: viaGraphql.stats, hash: viaGraphql.hash } });

    // The rows and conversations are sealed with the owner's data key, never stored in the clear.
    const { rows } = await pg.query<{ data: Buffer }>('select data from study_datasets where id = $1', [id]);
    expect(rows[0]!.data.includes(Buffer.from('interest_sports'))).toBe(false);
  });

  it('When a CSV has a bad cell, Then GraphQL refuses it with STUDY_DATASET_INVALID and its line and column, and nothing is stored', async () => {
    const { token, userId } = await newUser();
    const lines = peopleCsv.split('\n');
    lines[2] = lines[2]!.replace(/^(\d+,\d+,[FM],)\d+/, '$1twenty-eight');
    const result = await t.http.request(CreateStudyDatasetDocument, { input: { name: 'bad', format: 'CSV', schema, people: lines.join('\n'), pairs: pairsCsv } }, token);
    expect(errorCode(result)).toBe('STUDY_DATASET_INVALID');
    expect(result.errors![0]!.extensions).toMatchObject({ table: 'people', line: 3, column: 'age' });
    expect(await datasetRows(userId)).toBe(0);
  });

  it('When a streamed pairs table has a bad row, Then the upload answers 400 with its line and the whole upload is gone', async () => {
    const { token, userId } = await newUser();
    const { body: begun } = await upload('/v1/study-datasets', token, { method: 'POST', json: { name: 'bad pairs', format: 'CSV', schema } });
    expect((await upload(`/v1/study-datasets/${begun.id}/people`, token, { method: 'PUT', body: peopleCsv })).status).toBe(200);
    const lines = pairsCsv.split('\n');
    lines[4] = lines[4]!.replace(/^(\d+),(\d+),(\d+),1,/, '$1,$2,$3,7,').replace(/^(\d+),(\d+),(\d+),0,/, '$1,$2,$3,7,');
    const refused = await upload(`/v1/study-datasets/${begun.id}/pairs`, token, { method: 'PUT', body: lines.join('\n') });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'STUDY_DATASET_INVALID', table: 'pairs', line: 5, column: 'decision' });
    expect(await datasetRows(userId)).toBe(0);
  });

  it('When the upload path is called without a valid token, Then it answers 401 like GraphQL would', async () => {
    const res = await fetch(`${t.baseUrl}/v1/study-datasets`, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('Studies, match models and ranking', () => {
  let owner: { token: string; userId: string };
  let datasetId: string;
  let studyId: string;
  let events: StudyProgressSubscription['studyProgress'][];

  beforeAll(async () => {
    owner = await newUser();
    datasetId = await uploadExample(owner.token);
    ({ studyId, events } = await runStudyToEnd(owner.token, datasetId));
  }, 120_000);

  it('When a study runs, Then its progress streams with stage and fraction and ends SUCCEEDED', () => {
    expect(events.at(-1)).toMatchObject({ studyId, status: 'SUCCEEDED', fraction: 1 });
    expect(events.filter((e) => e.status === 'RUNNING').length).toBeGreaterThan(0);
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.stage)).size).toBeGreaterThan(2);
  });

  it('When the result is read, Then the out-of-fold AUC is sane with an interval around it, beside in-sample fit, baselines, calibration and fairness', async () => {
    const { study } = await t.http.ok(StudyResultDocument, { id: studyId }, owner.token);
    const r = study.result!;
    expect(r).toMatchObject({ n: 3070, groups: 15, outcome: { kind: 'binary' } });
    // The list reads results in one batch (graphql/loaders/study-results.loader.ts), same answer.
    const listed = await t.http.raw<{ studies: { nodes: { id: string; result: { n: number } | null }[] } }>({ query: '{ studies { nodes { id result { n } } } }' }, owner.token);
    expect(listed.data?.studies.nodes.find((s) => s.id === studyId)?.result).toEqual({ n: 3070 });
    expect(r.crossValidation).toMatchObject({ outerFolds: 3, innerFolds: 2 });
    // The generator's feature ceiling on this sample is 0.727 (examples/study/README.md).
    expect(r.outOfFold.auc!).toBeGreaterThan(0.6);
    expect(r.outOfFold.auc!).toBeLessThan(0.8);
    expect(r.outOfFold.interval.lower!).toBeLessThan(r.outOfFold.auc!);
    expect(r.outOfFold.interval.upper!).toBeGreaterThan(r.outOfFold.auc!);
    expect(r.inSample.auc).toEqual(expect.any(Number));
    expect(r.outOfFold.calibration.length).toBeGreaterThan(3);
    expect(r.fairness?.attribute).toContain('category');
    if (process.env.TASK_B_PRINT) console.log(JSON.stringify({ auc: r.outOfFold.auc, interval: r.outOfFold.interval, inSample: r.inSample, brierSkill: r.outOfFold.brierSkill, features: r.features }));
    expect(r.fairness!.groups.map((g) => g.value).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(r.coefficients.length).toBe(r.features);
    expect(r.coefficients.every((c) => c.description.length > 0)).toBe(true);
    expect(r.caveats.length).toBeGreaterThan(0);
  });

  it('When the report is asked for, Then it comes as Markdown and as self-contained HTML with inline SVG plots', async () => {
    const md = (await t.http.ok(StudyReportDocument, { id: studyId, format: 'MARKDOWN' }, owner.token)).studyReport!;
    expect(md.contentType).toContain('text/markdown');
    expect(md.body).toContain('AUC');
    const html = (await t.http.ok(StudyReportDocument, { id: studyId, format: 'HTML' }, owner.token)).studyReport!;
    expect(html.body).toContain('<svg');
    expect(html.body).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('When a match model is kept twice under one name, Then it gets versions 1 and 2 with the study’s validity card', async () => {
    const first = (await t.http.ok(CreateMatchModelDocument, { input: { studyId, name: 'speed dating' } }, owner.token)).createMatchModel.matchModel;
    const second = (await t.http.ok(CreateMatchModelDocument, { input: { studyId, name: 'speed dating' } }, owner.token)).createMatchModel.matchModel;
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.card).toMatchObject({ modelId: first.id, name: 'speed dating', n: 3070, groups: 15 });
    const { study } = await t.http.ok(StudyResultDocument, { id: studyId }, owner.token);
    expect(first.card.metrics.auc).toBeCloseTo(study.result!.outOfFold.auc!, 10);
    const dataset = (await t.http.ok(StudyDatasetDocument, { id: datasetId }, owner.token)).studyDataset;
    expect(first.card.datasetHash).toBe(dataset.hash);
    const listed = (await t.http.ok(MatchModelsDocument, { name: 'speed dating' }, owner.token)).matchModels;
    expect(listed.nodes.map((m) => m.version)).toEqual([2, 1]);
    expect(listed.totalCount).toBe(2);
    // Keyset pages: the second page starts after the first's endCursor.
    const firstPage = (await t.http.ok(MatchModelsDocument, { name: 'speed dating', first: 1 }, owner.token)).matchModels;
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true });
    const secondPage = (await t.http.ok(MatchModelsDocument, { name: 'speed dating', first: 1, after: firstPage.pageInfo.endCursor }, owner.token)).matchModels;
    expect([...firstPage.nodes, ...secondPage.nodes].map((m) => m.version)).toEqual([2, 1]);
    expect(secondPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('When two candidates are ranked through GraphQL, Then they come in order of calibrated probability with intervals and reasons, and what a candidate lacks is said', async () => {
    const modelId = (await t.http.ok(CreateMatchModelDocument, { input: { studyId, name: 'for ranking' } }, owner.token)).createMatchModel.matchModel.id;
    const persona = async (kind: 'SELF' | 'PARTNER', name: string, age: number) =>
      (await t.http.ok(CreatePersonaDocument, { input: { kind, name, age } }, owner.token)).createPersona.persona.id;
    const self = await persona('SELF', 'Alex', 29);
    const close = await persona('PARTNER', 'Mei', 28);
    const sparse = await persona('PARTNER', 'Sam', 41);
    const people = peopleCsv.trim().split('\n');
    const header = people[0]!.split(',');
    const attributesOf = (row: number, only?: (name: string) => boolean) =>
      people[row]!.split(',')
        .map((v, i) => ({ name: header[i]!, v }))
        .filter(({ name }) => !['id', 'wave', 'gender'].includes(name) && !name.startsWith('truth_') && (only?.(name) ?? true))
        .map(({ name, v }) => (name === 'category' ? { name, category: v } : { name, number: Number(v) }));
    await t.http.ok(SetPersonaStudyAttributesDocument, { input: { personaId: self, attributes: attributesOf(1) } }, owner.token);
    await t.http.ok(SetPersonaStudyAttributesDocument, { input: { personaId: close, attributes: attributesOf(12) } }, owner.token);
    // Sam has only interests: the importance fit and category are imputed.
    await t.http.ok(SetPersonaStudyAttributesDocument, { input: { personaId: sparse, attributes: attributesOf(13, (n) => n.startsWith('interest_')) } }, owner.token);

    const { rankCandidates } = await t.http.ok(RankCandidatesDocument, { selfPersonaId: self, partnerPersonaIds: [sparse, close], modelId }, owner.token);
    expect(rankCandidates.modelId).toBe(modelId);
    expect(rankCandidates.candidates.map((c) => c.rank)).toEqual([1, 2]);
    expect(rankCandidates.candidates[0]!.probability).toBeGreaterThanOrEqual(rankCandidates.candidates[1]!.probability);
    for (const c of rankCandidates.candidates) {
      expect(c.probability).toBeGreaterThan(0);
      expect(c.probability).toBeLessThan(1);
      expect(c.low).toBeLessThanOrEqual(c.probability);
      expect(c.high).toBeGreaterThanOrEqual(c.probability);
      expect(c.reasons.length).toBeGreaterThan(0);
      expect(c.contributions.length).toBeGreaterThan(0);
      expect(c.simulationId).toBeNull();
    }
    const sam = rankCandidates.candidates.find((c) => c.personaId === sparse)!;
    expect(sam.missing.length).toBeGreaterThan(0);
    expect(sam.reasons.join(' ')).toMatch(/imputed/);
    const mei = rankCandidates.candidates.find((c) => c.personaId === close)!;
    expect(mei.missing.length).toBeLessThan(sam.missing.length);
  });

  it('When another user asks for the dataset, study, report or model, Then each is NOT_FOUND and their upload path answers 404', async () => {
    const other = await newUser();
    const modelId = (await t.http.ok(MatchModelsDocument, {}, owner.token)).matchModels.nodes[0]!.id;
    expect(errorCode(await t.http.request(StudyDatasetDocument, { id: datasetId }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(StudyDocument, { id: studyId }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(StudyReportDocument, { id: studyId, format: 'JSON' }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(MatchModelDocument, { id: modelId }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(StartStudyDocument, { input: { datasetId } }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(CreateMatchModelDocument, { input: { studyId, name: 'stolen' } }, other.token))).toBe('NOT_FOUND');
    const put = await upload(`/v1/study-datasets/${datasetId}/pairs`, other.token, { method: 'PUT', body: pairsCsv });
    expect(put.status).toBe(404);
    // Subscribing to someone else's study fails the same way.
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${other.token}` });
    const sub = collect(client, StudyProgressDocument, { studyId });
    await eventually(() => sub.results.length > 0 || sub.error !== undefined);
    await client.dispose();
    expect(sub.results[0]?.errors?.[0]?.extensions?.code ?? (sub.error as { extensions?: { code?: string } } | undefined)?.extensions?.code).toBe('NOT_FOUND');
  });
});
