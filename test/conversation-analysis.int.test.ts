import { Client } from 'pg';
import {
  AnalyzeConversationDocument,
  ChatMeasuresDocument,
  ConversationMeasuresDocument,
  CreatePersonaDocument,
  GrantAccessDocument,
  ImportChatLogDocument,
  MeasureCatalogDocument,
  PersonaStyleFingerprintDocument,
  RegisterDocument,
  RelationshipHealthDocumentDocument,
  SetPersonaConsentDocument,
  type AnalyzeConversationQuery,
  type ConversationMeasuresFieldsFragment,
} from '../graphql/generated/graphql';
import { DRIFT_PERIOD, lineDriftLog, whatsappDriftLog } from '../src/domain/conversations/fixtures/drifting-couple';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { conversation, send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;
let pg: Client;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
  pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await close();
});
beforeEach(() => {
  stub.reset();
  stub.script([{ match: 'relationship coach', reply: { replies: ['Tell me more!'], tip: 'They are opening up.' } }]);
});

async function newUser(): Promise<string> {
  return (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
}

async function partnerWithLog(token: string, name: string, log: { format: 'WHATSAPP' | 'LINE'; content: string; personaSpeaker: string; timeZoneOffsetMinutes?: number }) {
  const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name } }, token)).createPersona.persona;
  const imported = (await t.http.ok(ImportChatLogDocument, { input: { personaId: persona.id, ...log } }, token)).importChatLog.chatLogImport;
  await t.http.ok(SetPersonaConsentDocument, { input: { id: persona.id, given: true } }, token);
  return { personaId: persona.id, imported };
}

/** Every message id the store holds for the persona: what a citation may name. */
async function importedIds(personaId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let afterSeq = 0; ; ) {
    const page = await t.app.services.transcripts.list(personaId, { afterSeq, limit: 1000 });
    if (page.length === 0) return ids;
    for (const m of page) ids.add(m.id);
    afterSeq = page.at(-1)!.seq;
  }
}

/** Every id any Measure (or LSM window) in this object cites. */
function citedIds(m: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'messageIds' || key === 'firstMessageId' || key === 'lastMessageId') out.push(...([] as string[]).concat(inner as string | string[]));
        else walk(inner);
      }
    }
  };
  walk(m);
  return out;
}

function expectMeasuresFilled(m: ConversationMeasuresFieldsFragment) {
  expect(m.perSpeaker).toHaveLength(2);
  expect(m.pair.lsm.overall.value).toEqual(expect.any(Number));
  expect(m.pair.lsm.categories).toHaveLength(9);
  expect(m.pair.lsm.categories.map((c) => c.category)).toContain('PERSONAL_PRONOUNS');
  expect(m.pair.rapport.value).toEqual(expect.any(Number));
  expect(m.pair.responsiveness.value).toEqual(expect.any(Number));
  expect(m.pair.negativeInteractions.messageIds.length).toBeGreaterThan(0);
  for (const s of m.perSpeaker) {
    expect(s.reciprocity.messages).toBeGreaterThan(0);
    expect(s.reciprocity.medianReplySeconds.value).toEqual(expect.any(Number));
    expect(s.sentiment.meanSentiment.value).toEqual(expect.any(Number));
    expect(s.bids.bidsMade.value).toBeGreaterThan(0);
  }
}

describe('Relationship health of imported chats', () => {
  type Report = AnalyzeConversationQuery['analyzeConversation'];

  it.each([
    ['a WhatsApp log in English', { name: 'Jamie', log: { format: 'WHATSAPP' as const, content: whatsappDriftLog(), personaSpeaker: 'Jamie' }, user: 'Alex', offset: 0, language: 'english' as const }],
    [
      'a LINE log in Chinese',
      { name: '小美', log: { format: 'LINE' as const, content: lineDriftLog(), personaSpeaker: '小美', timeZoneOffsetMinutes: 480 }, user: '阿明', offset: 480, language: 'chinese' as const },
    ],
  ])('When %s of a couple drifting apart is analysed, Then the report finds the turn where the drift starts and cites real imported messages', async (_label, c) => {
    const token = await newUser();
    const { personaId, imported } = await partnerWithLog(token, c.name, c.log);
    const report: Report = (await t.http.ok(AnalyzeConversationDocument, { personaId, timeZoneOffsetMinutes: c.offset }, token)).analyzeConversation;

    expect(report.persona).toEqual({ id: personaId, name: c.name });
    expect(report.speakers).toEqual([c.user, c.name]);
    // Media stand-ins have no words and are left out; everything else was measured.
    expect(report.messages).toBeGreaterThan(imported.inserted - 10);
    expect(report.overall.messages).toBe(report.messages);
    expect(report.overall.languages[c.language]).toBeGreaterThan(report.messages / 2);
    expectMeasuresFilled(report.overall);

    expect(report.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(report.months.reduce((sum, m) => sum + m.messages, 0)).toBe(report.messages);
    for (const m of report.months) expect(m.measures.speakers).toEqual([c.user, c.name]);
    const rapport = report.trends.find((s) => s.key === 'RAPPORT')!;
    expect(rapport.points.map((p) => p.period)).toEqual(report.months.map((m) => m.period));
    expect(rapport.points[5]!.value!).toBeLessThan(rapport.points[0]!.value! - 15);
    expect(report.trends.filter((s) => s.key === 'MEDIAN_REPLY_SECONDS').map((s) => s.speaker)).toEqual([c.user, c.name]);

    const turn = report.turningPoints.find((tp) => tp.measure === 'RAPPORT');
    expect(turn).toMatchObject({ period: DRIFT_PERIOD, direction: 'DOWN', baselinePeriods: ['2026-01', '2026-02', '2026-03'] });
    expect(report.turningPoints.filter((tp) => tp.direction === 'DOWN').every((tp) => tp.period === DRIFT_PERIOD)).toBe(true);
    expect(turn!.citations.length).toBeGreaterThan(0);
    expect(turn!.citations.map((x) => x.id)).toEqual(turn!.messageIds);
    for (const cited of turn!.citations) {
      expect(cited.sentAt!.slice(0, 7)).toMatch(/^2026-0[34]$/); // April in local time; UTC may still be 31 March.
      expect([c.user, c.name]).toContain(cited.speaker);
    }

    const ids = await importedIds(personaId);
    const cited = [
      ...citedIds(report.overall),
      ...report.months.flatMap((m) => citedIds(m.measures)),
      ...report.turningPoints.flatMap((tp) => [...tp.messageIds, ...tp.citations.map((x) => x.id)]),
    ];
    expect(cited.length).toBeGreaterThan(100);
    expect(cited.filter((id) => !ids.has(id))).toEqual([]);

    expect(report.summary.join(' ')).toContain('fell from');
    expect(report.caveats.join(' ')).toContain('heuristics');
    if (c.language === 'chinese') expect(report.caveats.join(' ')).toContain('machine-translated');

    const vars = { personaId, timeZoneOffsetMinutes: c.offset };
    const html = (await t.http.ok(RelationshipHealthDocumentDocument, { ...vars, format: 'HTML' }, token)).relationshipHealthDocument;
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body.match(/<svg class="chart"/g)).toHaveLength(6);
    expect(html.body).toContain('class="turn down"');
    expect(html.body).toContain("default-src 'none'");
    expect(html.body).toContain(turn!.citations[0]!.id);
    const markdown = (await t.http.ok(RelationshipHealthDocumentDocument, { ...vars, format: 'MARKDOWN' }, token)).relationshipHealthDocument;
    expect(markdown.body).toMatch(/\| Rapport index \| `[▁▂▃▄▅▆▇█·]{6}` \|/);
    expect(markdown.body).toContain(`### ${DRIFT_PERIOD}: Rapport index ▼`);
    const json = (await t.http.ok(RelationshipHealthDocumentDocument, { ...vars, format: 'JSON' }, token)).relationshipHealthDocument;
    const full = JSON.parse(json.body);
    expect(full).toMatchObject({ personaId, messages: report.messages, speakers: report.speakers });
    // The months' full measures (deeper than a GraphQL query may go) cite imported messages too.
    expect(full.months[3].measures.perSpeaker[1].bids.turnedAway.messageIds.length).toBeGreaterThan(0);
    expect(citedIds(full.months).filter((id) => !ids.has(id))).toEqual([]);

    // One month's per-speaker detail through the API: the drift month, the partner turning away.
    const april = report.months[3]!;
    const detail = (await t.http.ok(ConversationMeasuresDocument, { personaId, range: { from: april.from, to: april.to } }, token)).conversationMeasures;
    expect(detail.messages).toBe(april.messages);
    expect(detail.perSpeaker[1]!.bids.turnedAway.value).toBeGreaterThan(0);
    expect(detail.perSpeaker[1]!.bids.responsiveness.value!).toBeLessThan(report.overall.perSpeaker[1]!.bids.responsiveness.value!);
  });

  it('When a date range is given, Then only the months inside it are measured', async () => {
    const token = await newUser();
    const { personaId } = await partnerWithLog(token, 'Jamie', { format: 'WHATSAPP', content: whatsappDriftLog(), personaSpeaker: 'Jamie' });
    const range = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-30T23:59:59.999Z' };
    const report = (await t.http.ok(AnalyzeConversationDocument, { personaId, range }, token)).analyzeConversation;
    expect(report.range).toEqual(range);
    expect(report.months.map((m) => m.period)).toEqual(['2026-03', '2026-04']);
    expect(report.firstMessageAt! >= range.from && report.lastMessageAt! <= range.to).toBe(true);
    // One month of baseline is enough for the drop to show.
    expect(report.turningPoints.map((tp) => [tp.period, tp.measure])).toContainEqual([DRIFT_PERIOD, 'RAPPORT']);

    const backwards = await t.http.request(AnalyzeConversationDocument, { personaId, range: { from: range.to, to: range.from } }, token);
    expect(errorCode(backwards)).toBe('VALIDATION_FAILED');
  });

  it('When a persona has no imported messages, Then the report is empty and says so', async () => {
    const token = await newUser();
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Nobody yet' } }, token)).createPersona.persona;
    const report = (await t.http.ok(AnalyzeConversationDocument, { personaId: persona.id }, token)).analyzeConversation;
    expect(report).toMatchObject({ messages: 0, months: [], turningPoints: [], firstMessageAt: null });
    expect(report.overall.pair.rapport.value).toBeNull();
    expect(report.summary[0]).toContain('No imported messages');
    const html = (await t.http.ok(RelationshipHealthDocumentDocument, { personaId: persona.id, format: 'HTML' }, token)).relationshipHealthDocument;
    expect(html.body).toContain('No dated messages');
  });

  it('When an imported partner has no consent, Then CONSENT_REQUIRED', async () => {
    const token = await newUser();
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Jamie' } }, token)).createPersona.persona;
    await t.http.ok(ImportChatLogDocument, { input: { personaId: persona.id, format: 'WHATSAPP', content: whatsappDriftLog(), personaSpeaker: 'Jamie' } }, token);
    expect(errorCode(await t.http.request(AnalyzeConversationDocument, { personaId: persona.id }, token))).toBe('CONSENT_REQUIRED');
  });

  it('When another user asks for the report, its document or a chat’s measures, Then PERSONA_NOT_FOUND / CHAT_NOT_FOUND', async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const { personaId } = await partnerWithLog(owner, 'Jamie', { format: 'WHATSAPP', content: whatsappDriftLog(), personaSpeaker: 'Jamie' });
    const chat = await userWithChat(t);
    const attempts = await Promise.all([
      t.http.request(AnalyzeConversationDocument, { personaId }, intruder),
      t.http.request(RelationshipHealthDocumentDocument, { personaId, format: 'HTML' }, intruder),
      t.http.request(AnalyzeConversationDocument, { personaId: 'not-a-uuid' }, intruder),
    ]);
    // A malformed id is bad input (the argument check answers before any lookup), not someone else's persona.
    expect(attempts.map(errorCode)).toEqual(['PERSONA_NOT_FOUND', 'PERSONA_NOT_FOUND', 'VALIDATION_FAILED']);
    expect(attempts.every((a) => a.data === null)).toBe(true);
    expect(errorCode(await t.http.request(ChatMeasuresDocument, { sessionId: chat.sessionId }, intruder))).toBe('CHAT_NOT_FOUND');
    expect(errorCode(await t.http.request(AnalyzeConversationDocument, { personaId }))).toBe('UNAUTHENTICATED');
  });
});

describe('Measures of a live chat', () => {
  it('When a user chats with the partner, Then chatMeasures measures both sides and cites the chat’s messages', async () => {
    const { token, sessionId } = await userWithChat(t);
    stub.script([
      { system: 'Stay in character', match: 'job', reply: 'Congratulations!! That is amazing news, I am so proud of you. What will you do first?', times: 1 },
      { system: 'Stay in character', match: 'dinner', reply: 'Yes! Let us go to the dumpling place, haha, I love that idea ❤️', times: 1 },
    ]);
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'Guess what, I got the job today!');
    await w.finished(a.replyId!);
    const b = await send(t, token, sessionId, 'Thank you! Do you want to get dinner together tonight to celebrate?');
    await w.finished(b.replyId!);
    await w.close();

    const m = (await t.http.ok(ChatMeasuresDocument, { sessionId }, token)).chatMeasures;
    const shown = await conversation(t, token, sessionId);
    expect(m.messages).toBe(4);
    expect(m.speakers[1]).toBe('Jun');
    expect(m.perSpeaker.map((s) => s.reciprocity.messages)).toEqual([2, 2]);
    expect(m.perSpeaker[0]!.bids.bidsMade.value).toBeGreaterThan(0);
    expect(m.pair.responsiveness.value!).toBeGreaterThan(0.5);
    expect(m.pair.positiveInteractions.value).toBeGreaterThan(0);
    const ids = new Set(shown.map((x) => x.id));
    const cited = citedIds(m);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('Style fingerprint and the measure catalog', () => {
  async function userWithRole(role: 'ANALYST') {
    const input = newAccountInput();
    const token = (await t.http.ok(RegisterDocument, { input })).register.accessToken;
    await pg.query('update users set role = $1 where email = $2', [role, input.email.toLowerCase()]);
    return { token, email: input.email.toLowerCase() };
  }

  it('When the owner reads a persona with imports, Then the fingerprint is typed with samples; an analyst it is shared with gets the measurements without the person’s words', async () => {
    const owner = await newUser();
    const { personaId } = await partnerWithLog(owner, 'Jamie', { format: 'WHATSAPP', content: whatsappDriftLog(), personaSpeaker: 'Jamie' });
    const mine = (await t.http.ok(PersonaStyleFingerprintDocument, { id: personaId }, owner)).persona.styleFingerprint!;
    expect(mine.messageCount).toBeGreaterThan(100);
    expect(mine.languages[0]).toMatchObject({ lang: 'EN' });
    expect(mine.replyTime!.sampleSize).toBeGreaterThan(0);
    expect(mine.samples!.length).toBeGreaterThan(0);
    expect(mine.frequentPhrases!.length).toBeGreaterThan(0);

    const analyst = await userWithRole('ANALYST');
    await t.http.ok(GrantAccessDocument, { input: { analystEmail: analyst.email, kind: 'PERSONA', resourceId: personaId } }, owner);
    const read = await t.http.raw<{ readPersona: { styleFingerprint: { messageCount: number; samples: string[] | null; frequentPhrases: unknown[] | null } } }>(
      { query: 'query($id: ID!) { readPersona(id: $id) { styleFingerprint { messageCount samples frequentPhrases { phrase } } } }', variables: { id: personaId } },
      analyst.token,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.readPersona.styleFingerprint).toEqual({ messageCount: mine.messageCount, samples: null, frequentPhrases: null });

    const fresh = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'New' } }, owner)).createPersona.persona;
    expect((await t.http.ok(PersonaStyleFingerprintDocument, { id: fresh.id }, owner)).persona.styleFingerprint).toBeNull();
  });

  it('When anyone asks for the measure catalog, Then every headline measure comes with its definition and source', async () => {
    const catalog = (await t.http.ok(MeasureCatalogDocument, {})).measureCatalog;
    expect(catalog.map((e) => e.key)).toEqual(expect.arrayContaining(['rapport', 'lsm', 'responsiveness', 'followUpQuestions', 'contempt']));
    expect(new Set(catalog.map((e) => e.scope))).toEqual(new Set(['PAIR', 'SPEAKER']));
    for (const e of catalog) expect(e.definition.length * e.source.length * e.scale.length).toBeGreaterThan(0);
  });
});
