import { Client } from 'pg';
import {
  AddScenarioDocument,
  DeleteScenarioDocument,
  UpdateScenarioDocument,
  GrantAccessDocument,
  MeDocument,
  ReadCompatibilityReportDocument,
  ScenariosDocument,
  CancelSimulationDocument,
  CompatibilityReportDocument,
  CreatePersonaDocument,
  EstimateSimulationDocument,
  ImportChatLogDocument,
  RegisterDocument,
  ReportDocumentDocument,
  SimulationDocument,
  SimulationEventsDocument,
  SimulationsDocument,
  StartSimulationDocument,
} from '../graphql/generated/graphql';
import type { CompatibilityReportQuery, SimulationEventsSubscription } from '../graphql/generated/graphql';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import { PAIR_MEASURES, SPEAKER_MEASURES } from '../src/kernel/measures/measure-catalog';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { simulationJudgeRules } from './support/judge-script';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
});
afterAll(() => close());
beforeEach(() => {
  stub.reset();
  scriptAnalysis();
});

function scriptAnalysis() {
  stub.script(simulationJudgeRules({ citations: ['t1', 't2', 't99'], criticalMoments: [{ turn: 't2', dimension: 'conflictRepair', impact: 3, note: 'A warm repair attempt' }] }));
}

async function couple() {
  const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex', values: ['honesty'] } }, token)).createPersona.persona;
  const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei', interests: ['hiking'] } }, token)).createPersona.persona;
  return { token, selfId: self.id, partnerId: partner.id };
}

type Events = SimulationEventsSubscription['simulationEvents'][];

async function runToEnd(token: string, input: Record<string, unknown>): Promise<{ id: string; events: Events }> {
  const { startSimulation } = await t.http.ok(StartSimulationDocument, { input: input as never }, token);
  const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
  const sub = collect(client, SimulationEventsDocument, { simulationId: startSimulation.simulation.id });
  await sub.done;
  await client.dispose();
  return { id: startSimulation.simulation.id, events: sub.results.map((r) => r.data!.simulationEvents) };
}

type Report = NonNullable<CompatibilityReportQuery['compatibilityReport']>;

/**
 * Every episode was measured, every catalog measure is there for the pair and both speakers,
 * and every message the measures or the judge-agreement cite is a transcript line of this
 * run's couple (a TURN event), never a narrator line or another run's message.
 */
function expectMeasuresCiteThisRun(report: Report, events: Events) {
  const turns = new Set(events.flatMap((e) => (e.turn ? [e.turn.messageId] : [])));
  expect(report.measures.episodesMeasured).toBe(report.episodes);
  expect(report.measures.episodesWithoutMeasures).toBe(0);
  expect(report.measures.speakers).toEqual(['Alex', 'Mei']);
  const keys = (scope: string, speaker: string | null) => report.measures.items.filter((m) => m.scope === scope && m.speaker === speaker).map((m) => m.key);
  expect(keys('PAIR', null)).toEqual(PAIR_MEASURES.map((e) => enumName(e.key)));
  for (const speaker of ['Alex', 'Mei']) expect(keys('SPEAKER', speaker)).toEqual(SPEAKER_MEASURES.map((e) => enumName(e.key)));
  const rapport = report.measures.items.find((m) => m.key === 'RAPPORT')!;
  expect(rapport.definition).toBe(PAIR_MEASURES[0].definition);
  expect(rapport.episodes).toHaveLength(report.episodes);
  expect(rapport.estimate.n).toBeGreaterThan(0);
  const lsm = report.measures.items.find((m) => m.key === 'LSM')!;
  expect(lsm.estimate.n).toBe(report.episodes);
  expect(lsm.estimate.ciLow).toBeLessThanOrEqual(lsm.estimate.mean);
  const cited = report.measures.items.flatMap((m) => m.episodes.flatMap((e) => e.messageIds));
  expect(cited.length).toBeGreaterThan(0);
  for (const id of cited) expect(turns).toContain(id);
  for (const m of report.measures.items) for (const e of m.episodes) expect(e.refs).toHaveLength(e.messageIds.length);
  expect(report.judgeAgreement.map((a) => a.measure)).toEqual(['BIDS_TURNED_TOWARD', 'REPAIRS_PER_NEGATIVE', 'POSITIVE_SHARE', 'WARM_SHARE', 'QUESTIONS_ANSWERED']);
  for (const a of report.judgeAgreement) {
    for (const id of a.citedMessageIds) expect(turns).toContain(id);
    expect(a.disagrees).toBe(a.statement !== null);
  }
}

const enumName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

describe('Compatibility simulation through GraphQL', () => {
  it('When a simulation runs, Then events stream to REPORT_READY and the report has every dimension with a 95% interval', async () => {
    const { token, selfId, partnerId } = await couple();
    const input = { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 2, episodesPerScenario: 2, maxTurns: 4, seed: 'seed-1' };
    const estimate = (await t.http.ok(EstimateSimulationDocument, { input }, token)).estimateSimulation;
    expect(estimate).toMatchObject({ episodes: 4, turns: 16 });
    expect(estimate.totalTokens).toBeGreaterThan(0);

    const { id, events } = await runToEnd(token, input);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('STARTED');
    expect(types.filter((x) => x === 'EPISODE_STARTED')).toHaveLength(4);
    expect(types.filter((x) => x === 'EPISODE_SCORED')).toHaveLength(4);
    expect(types.at(-1)).toBe('REPORT_READY');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(types.filter((x) => x === 'TURN')).toHaveLength(16);
    // Each event carries the typed detail of its kind, and only that one.
    const details = ['started', 'episodeStarted', 'turn', 'eventInjected', 'episodeScored', 'ended'] as const;
    const detailOf: Record<string, (typeof details)[number]> = { STARTED: 'started', EPISODE_STARTED: 'episodeStarted', TURN: 'turn', EVENT_INJECTED: 'eventInjected', EPISODE_SCORED: 'episodeScored', REPORT_READY: 'ended' };
    for (const e of events) expect(details.filter((d) => e[d] !== null)).toEqual([detailOf[e.type]]);
    expect(events[0]!.started).toMatchObject({ episodes: 4 });
    expect(events[0]!.started!.scenarios).toHaveLength(2);
    expect(events.find((e) => e.turn)!.turn).toMatchObject({ speaker: expect.stringMatching(/^(SELF|PARTNER)$/), name: expect.any(String), turn: 1 });
    const scored = events.flatMap((e) => (e.episodeScored ? [e.episodeScored] : []));
    expect(scored.map((x) => x.dimensions.length)).toEqual([DIMENSION_KEYS.length, DIMENSION_KEYS.length, DIMENSION_KEYS.length, DIMENSION_KEYS.length]);
    expect(scored[0]!.endedBy).toBe('MAX_TURNS');
    expect(events.at(-1)!.ended).toEqual({ status: 'COMPLETED', partial: false, episodes: 4, message: null });
    // Episodes run in parallel up to SIMULATION_EPISODE_CONCURRENCY (2 by default).
    const startedBeforeFirstScore = types.slice(0, types.indexOf('EPISODE_SCORED')).filter((x) => x === 'EPISODE_STARTED').length;
    expect(startedBeforeFirstScore).toBe(2);

    const simulation = (await t.http.ok(SimulationDocument, { id }, token)).simulation;
    expect(simulation).toMatchObject({ status: 'COMPLETED' });
    expect(simulation.tokensUsed).toBeGreaterThan(0);
    const report = (await t.http.ok(CompatibilityReportDocument, { simulationId: id }, token)).compatibilityReport!;
    expect(report.episodes).toBe(4);
    expect(report.partial).toBe(false);
    // GraphQL enum names (GOAL_COMPLETION) for the domain's keys (goalCompletion).
    expect(report.dimensions.map((d) => d.key)).toEqual(DIMENSION_KEYS.map((k) => k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()));
    for (const d of report.dimensions) {
      expect(d.estimate.n).toBe(4);
      expect(d.estimate.ciLow).toBeLessThanOrEqual(d.estimate.mean);
      expect(d.estimate.ciHigh).toBeGreaterThanOrEqual(d.estimate.mean);
    }
    expect(report.perScenario).toHaveLength(2);
    // No study of this user covers simulation scores: the report says so rather than implying a forecast.
    expect(report.validity).toMatchObject({ status: 'UNVALIDATED', covering: null, related: [] });
    expect(report.validity!.statement).toMatch(/^Unvalidated: no study has shown that these scores predict real outcomes/);
    expect(report.strengths).toEqual(['Warm humour']);
    expect(report.criticalMoments.length).toBeGreaterThan(0);
    expectMeasuresCiteThisRun(report, events);

    const html = (await t.http.ok(ReportDocumentDocument, { simulationId: id, format: 'HTML' }, token)).reportDocument!;
    expect(html.body).toContain('<svg');
    expect(html.body).not.toMatch(/https?:\/\//);
    expect(html.body).toContain('<h2>Conversation measures</h2>');
    const md = (await t.http.ok(ReportDocumentDocument, { simulationId: id, format: 'MARKDOWN' }, token)).reportDocument!;
    expect(md.body).toContain('Warm humour');
    expect(md.body).toContain('\n## Conversation measures\n');
    expect(md.body).toContain('\n## Judge and measures\n');
  });

  it('When a subscriber reconnects with afterSeq, Then it gets exactly the events it missed', async () => {
    const { token, selfId, partnerId } = await couple();
    const { id, events } = await runToEnd(token, { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'replay' });
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const sub = collect(client, SimulationEventsDocument, { simulationId: id, afterSeq: 3 });
    await sub.done;
    await client.dispose();
    expect(sub.results.map((r) => r.data!.simulationEvents.seq)).toEqual(events.filter((e) => e.seq > 3).map((e) => e.seq));
  });

  it('When the same seed runs twice with the same scripted models, Then the episodes and the report statistics are the same', async () => {
    const { token, selfId, partnerId } = await couple();
    const input = { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 2, episodesPerScenario: 1, maxTurns: 4, seed: 'same-seed' };
    const first = await runToEnd(token, input);
    const afterFirst = stub.requests().length;
    const second = await runToEnd(token, input);
    // Episodes run in parallel, so compare each episode's own sequence of turns.
    const turns = (r: { events: Events }) => {
      const byEpisode: Record<string, string[]> = {};
      for (const e of r.events.filter((x) => x.type === 'TURN')) {
        const key = e.turn!.episodeId.split(':').slice(1).join(':');
        (byEpisode[key] ??= []).push(`${e.turn!.name}: ${e.turn!.text}`);
      }
      return byEpisode;
    };
    expect(Object.keys(turns(first))).toHaveLength(2);
    expect(turns(second)).toEqual(turns(first));
    // Same scenes: the same seeded parameters, and the scene-writing call sent with the same seed at temperature 0.
    const scenes = (r: { events: Events }) =>
      r.events.flatMap((e) => (e.episodeStarted ? [e.episodeStarted] : [])).map(({ episodeId: _id, ...scene }) => scene).sort((a, b) => a.scenarioId.localeCompare(b.scenarioId));
    expect(scenes(second)).toEqual(scenes(first));
    const bodies = stub.requests().map((r) => r.body as { messages: { role: string; content: string }[]; seed?: number; temperature?: number });
    const isScene = (b: (typeof bodies)[number]) => b.messages.some((m) => m.content.includes('Set the scene for a short role-played chat'));
    // The second run's identical scene requests (same prompt, seed, temperature 0) were answered by the response cache.
    expect(bodies.filter(isScene).map((b) => [Number.isInteger(b.seed), b.temperature])).toEqual([[true, 0], [true, 0]]);
    expect(bodies.slice(afterFirst).filter(isScene)).toHaveLength(0);
    // What the agents were shown (persona, scene, own goal) and the seed of each turn are the same in both runs.
    const turnCalls = (part: typeof bodies) => part.filter((b) => !isScene(b) && Number.isInteger(b.seed)).map((b) => JSON.stringify([b.seed, b.messages[0]!.content])).sort();
    expect(turnCalls(bodies.slice(afterFirst))).toEqual(turnCalls(bodies.slice(0, afterFirst)));
    // 8 turns, one of them the opening line of "good news on a bad day" (no model call).
    expect(turnCalls(bodies.slice(0, afterFirst))).toHaveLength(7);
    const stats = async (id: string) => {
      const report = (await t.http.ok(CompatibilityReportDocument, { simulationId: id }, token)).compatibilityReport!;
      return {
        overall: report.overall,
        dimensions: report.dimensions,
        perScenario: report.perScenario,
        // Message ids differ between runs; the measured values and their intervals must not.
        measures: report.measures.items.map((m) => ({ key: m.key, speaker: m.speaker, estimate: m.estimate, values: m.episodes.map((e) => e.value) })),
        agreement: report.judgeAgreement.map(({ citedMessageIds: _ids, citedRefs: _refs, statement, ...rest }) => ({ ...rest, statement: statement?.replace(/#[0-9a-f-]{8}/g, '#') })),
      };
    };
    expect(await stats(second.id)).toEqual(await stats(first.id));
  });

  it('When the token budget runs out, Then the run stops cleanly with a partial report', async () => {
    const { token, selfId, partnerId } = await couple();
    const { id, events } = await runToEnd(token, { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 2, episodesPerScenario: 2, maxTurns: 4, seed: 'budget', tokenBudget: 4000 });
    expect(events.at(-1)).toMatchObject({ type: 'REPORT_READY', ended: { status: 'PARTIAL', partial: true } });
    expect((await t.http.ok(SimulationDocument, { id }, token)).simulation.status).toBe('PARTIAL');
    const report = (await t.http.ok(CompatibilityReportDocument, { simulationId: id }, token)).compatibilityReport!;
    expect(report.partial).toBe(true);
    expect(report.episodes).toBeLessThan(4);
    expect(report.measures.episodesMeasured).toBe(report.episodes);
  });

  it('When a run is cancelled, Then it stops within a step and is CANCELLED', async () => {
    const { token, selfId, partnerId } = await couple();
    stub.configure('*', { firstTokenLatencyMs: 150 });
    const { startSimulation } = await t.http.ok(
      StartSimulationDocument,
      { input: { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 2, episodesPerScenario: 2, maxTurns: 20, seed: 'cancel' } },
      token,
    );
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const sub = collect(client, SimulationEventsDocument, { simulationId: startSimulation.simulation.id });
    await eventually(() => sub.results.some((r) => r.data?.simulationEvents.type === 'TURN'), 10_000);
    await t.http.ok(CancelSimulationDocument, { input: { id: startSimulation.simulation.id } }, token);
    await sub.done;
    await client.dispose();
    const events = sub.results.map((r) => r.data!.simulationEvents);
    expect(events.at(-1)?.type).toBe('CANCELLED');
    expect(events.at(-1)?.ended).toMatchObject({ status: 'CANCELLED' });
    const turnsAfterCancelAsk = events.filter((e) => e.type === 'TURN').length;
    expect(turnsAfterCancelAsk).toBeLessThan(20);
    expect((await t.http.ok(SimulationDocument, { id: startSimulation.simulation.id }, token)).simulation.status).toBe('CANCELLED');
  });

  it('When the input is bad, Then the error has a code and no simulation is created', async () => {
    const { token, selfId, partnerId } = await couple();
    const other = await couple();
    const base = { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, partnerPersonaId: '00000000-0000-4000-8000-000000000000' }, 'PERSONA_NOT_FOUND'],
      [{ ...base, partnerPersonaId: other.partnerId }, 'PERSONA_NOT_FOUND'],
      [{ ...base, selfPersonaId: partnerId }, 'VALIDATION_FAILED'],
      [{ ...base, scenarioCount: 4, episodesPerScenario: 2 }, 'QUOTA_EXCEEDED'],
      [{ ...base, tokenBudget: -5 }, 'VALIDATION_FAILED'],
      [{ ...base, scenarioIds: ['no-such-scenario'] }, 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await t.http.request(StartSimulationDocument, { input: input as never }, token))).toBe(code);
    }
    // A partner built from real messages needs consent.
    await t.http.ok(ImportChatLogDocument, { input: { personaId: partnerId, format: 'PLAIN', content: 'Mei: hi\nAlex: hello', personaSpeaker: 'Mei' } }, token);
    expect(errorCode(await t.http.request(StartSimulationDocument, { input: base }, token))).toBe('CONSENT_REQUIRED');
    expect((await t.http.ok(SimulationsDocument, {}, token)).simulations.nodes).toHaveLength(0);
  });

  it('When a user adds a scenario of their own, Then their simulations can use it and others cannot', async () => {
    const { token, selfId, partnerId } = await couple();
    const template = {
      id: 'karaoke-night',
      title: 'Karaoke night with coworkers',
      category: 'CUSTOM' as const,
      setting: ['a karaoke bar in Xuhui'],
      premise: '{{self}} brings {{partner}} to a coworker karaoke night for the first time.',
      stressorIntensity: { min: 1, max: 3 },
      stakes: ['feeling part of each other’s world'],
      privateGoals: { self: ['show {{partner}} off a little'], partner: ['get through one duet without cringing'] },
      events: [{ kind: 'FRIEND_REMARK' as const, description: 'A coworker jokes about {{self}}’s ex.', weight: 1 }],
      maxTurns: 6,
    };
    const added = (await t.http.ok(AddScenarioDocument, { input: { template } }, token)).addScenario.scenario;
    // The typed template comes back as sent, with the optional parts it left out as null.
    expect(added).toEqual({ ...template, openingLine: null, languageHints: null });
    const listed = (await t.http.ok(ScenariosDocument, {}, token)).scenarios;
    expect(listed.find((x) => x.id === 'karaoke-night')).toEqual(added);
    // Built-in templates read through the same types (enums in SCREAMING_CASE).
    expect(listed.find((x) => x.id === 'first-date-after-texting')?.category).toBe('FIRST_DATE');
    const { events } = await runToEnd(token, { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioIds: ['karaoke-night'], episodesPerScenario: 1, maxTurns: 2, seed: 'k' });
    expect(events.find((e) => e.type === 'EPISODE_STARTED')?.episodeStarted?.title).toBe('Karaoke night with coworkers');
    // Each agent was shown its own private goal only (one goal per side in this template); the scene writer neither.
    // Chat calls only: the analysis agent's structured calls (response_format) read both goals by design.
    const prompts = stub
      .requests()
      .map((r) => r.body as { messages: { content: string }[]; response_format?: unknown })
      .filter((b) => !b.response_format)
      .map((b) => b.messages.map((m) => m.content).join('\n'));
    const selfGoal = 'show Mei off a little';
    const partnerGoal = 'get through one duet without cringing';
    const withSelf = prompts.filter((p) => p.includes(selfGoal));
    const withPartner = prompts.filter((p) => p.includes(partnerGoal));
    expect(withSelf.length).toBeGreaterThan(0);
    expect(withPartner.length).toBeGreaterThan(0);
    for (const p of withSelf) expect(p).not.toContain(partnerGoal);
    for (const p of withPartner) expect(p).not.toContain(selfGoal);
    for (const p of prompts.filter((x) => x.includes('Set the scene for a short role-played chat'))) expect(p).not.toMatch(/show Mei off|duet without cringing/);

    const other = await couple();
    const foreign = await t.http.request(StartSimulationDocument, { input: { selfPersonaId: other.selfId, partnerPersonaId: other.partnerId, scenarioIds: ['karaoke-night'] } }, other.token);
    expect(errorCode(foreign)).toBe('VALIDATION_FAILED');
    const bad = await t.http.request(AddScenarioDocument, { input: { template: { ...template, id: 'Bad Id' } } }, token);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    // The kernel schema still validates the typed input, and the error names the offending path.
    const badWeight = await t.http.request(AddScenarioDocument, { input: { template: { ...template, id: 'karaoke-2', events: [{ ...template.events[0]!, weight: 0 }] } } }, token);
    expect(badWeight.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'template.events[0].weight' });
    // A closed set outside the enum never reaches a resolver.
    const badKind = await t.http.request(AddScenarioDocument, { input: { template: { ...template, id: 'karaoke-3', category: 'custom' as never } } }, token);
    expect(badKind.errors?.length).toBeGreaterThan(0);
  });

  it('When a user updates or deletes a scenario of their own, Then runs see the change, and nobody can change built-in or other users’ scenarios', async () => {
    const { token, selfId, partnerId } = await couple();
    const template = {
      id: 'board-game-night',
      title: 'Board game night',
      category: 'CUSTOM' as const,
      setting: ['a board game café'],
      premise: '{{self}} and {{partner}} play a long strategy game with friends.',
      stressorIntensity: { min: 1, max: 2 },
      stakes: ['having fun together'],
      privateGoals: { self: ['win without gloating'], partner: ['teach {{self}} the rules kindly'] },
      events: [],
      maxTurns: 6,
    };
    await t.http.ok(AddScenarioDocument, { input: { template } }, token);
    const updated = (await t.http.ok(UpdateScenarioDocument, { input: { id: 'board-game-night', template: { ...template, title: 'Board game marathon' } } }, token)).updateScenario.scenario;
    expect(updated).toMatchObject({ id: 'board-game-night', title: 'Board game marathon' });
    const listed = (await t.http.ok(ScenariosDocument, {}, token)).scenarios;
    expect(listed.filter((x) => x.id === 'board-game-night').map((x) => x.title)).toEqual(['Board game marathon']);
    const { events } = await runToEnd(token, { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioIds: ['board-game-night'], episodesPerScenario: 1, maxTurns: 2, seed: 'b' });
    expect(events.find((e) => e.type === 'EPISODE_STARTED')?.episodeStarted?.title).toBe('Board game marathon');

    expect(errorCode(await t.http.request(UpdateScenarioDocument, { input: { id: 'board-game-night', template: { ...template, id: 'renamed' } } }, token))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.http.request(UpdateScenarioDocument, { input: { id: 'board-game-night', template: { ...template, maxTurns: 0 } } }, token))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.http.request(UpdateScenarioDocument, { input: { id: 'first-date-after-texting', template: { ...template, id: 'first-date-after-texting' } } }, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.http.request(DeleteScenarioDocument, { input: { id: 'first-date-after-texting' } }, token))).toBe('FORBIDDEN');
    const other = await couple();
    expect(errorCode(await t.http.request(UpdateScenarioDocument, { input: { id: 'board-game-night', template } }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(DeleteScenarioDocument, { input: { id: 'board-game-night' } }, other.token))).toBe('NOT_FOUND');

    expect((await t.http.ok(DeleteScenarioDocument, { input: { id: 'board-game-night' } }, token)).deleteScenario).toEqual({ deletedScenarioId: 'board-game-night' });
    expect((await t.http.ok(ScenariosDocument, {}, token)).scenarios.map((x) => x.id)).not.toContain('board-game-night');
    expect(errorCode(await t.http.request(DeleteScenarioDocument, { input: { id: 'board-game-night' } }, token))).toBe('NOT_FOUND');
    const gone = await t.http.request(StartSimulationDocument, { input: { selfPersonaId: selfId, partnerPersonaId: partnerId, scenarioIds: ['board-game-night'] } }, token);
    expect(errorCode(gone)).toBe('VALIDATION_FAILED');
  });

  it('When another user asks for a simulation, its report or its events, Then NOT_FOUND', async () => {
    const owner = await couple();
    const { id } = await runToEnd(owner.token, { selfPersonaId: owner.selfId, partnerPersonaId: owner.partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 2, seed: 'mine' });
    const intruder = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    expect(errorCode(await t.http.request(SimulationDocument, { id }, intruder))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(CompatibilityReportDocument, { simulationId: id }, intruder))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(CancelSimulationDocument, { input: { id } }, intruder))).toBe('NOT_FOUND');
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${intruder}` });
    const sub = collect(client, SimulationEventsDocument, { simulationId: id });
    await sub.done.catch(() => undefined);
    await client.dispose();
    expect(sub.results.every((r) => !r.data)).toBe(true);
  });

  it('When an owner shares a simulation with an analyst, Then the analyst reads the same typed report, measures included', async () => {
    const owner = await couple();
    const { id } = await runToEnd(owner.token, { selfPersonaId: owner.selfId, partnerPersonaId: owner.partnerId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'shared' });
    const input = newAccountInput();
    const analystToken = (await t.http.ok(RegisterDocument, { input })).register.accessToken;
    const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
    try {
      await pg.query('update users set role = $1 where email = $2', ['ANALYST', input.email.toLowerCase()]);
    } finally {
      await pg.end();
    }
    expect((await t.http.ok(MeDocument, {}, analystToken)).me.id).toBeTruthy();
    await t.http.ok(GrantAccessDocument, { input: { analystEmail: input.email.toLowerCase(), kind: 'SIMULATION', resourceId: id } }, owner.token);
    const read = (await t.http.ok(ReadCompatibilityReportDocument, { simulationId: id }, analystToken)).readCompatibilityReport!;
    const own = (await t.http.ok(CompatibilityReportDocument, { simulationId: id }, owner.token)).compatibilityReport!;
    expect(read).toEqual(own);
    expect(read.measures.episodesMeasured).toBe(1);
  });
});
