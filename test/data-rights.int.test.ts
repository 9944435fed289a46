import { Client } from 'pg';
import { Redis } from 'ioredis';
import {
  CreatePersonaDocument,
  DeleteMyAccountDocument,
  ExportMyDataDocument,
  ImportChatLogDocument,
  MeDocument,
  RegisterDocument,
  SetPersonaConsentDocument,
  StartChatDocument,
  StartSimulationDocument,
  SimulationDocument,
} from '../graphql/generated/graphql';
import { startWorker } from '../src/jobs/worker';
import { USER_TABLES } from '../src/domain/data-rights/user-tables';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { send, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('Data rights: export everything, erase everything (PostgreSQL, transcripts, memory, Redis)', () => {
  let stub: StubLlmServer;
  let t: TestApp;
  let worker: { close(): Promise<void> };
  let pg: Client;
  let redis: Redis;

  beforeAll(async () => {
    stub = await startStubLlmServer();
    t = await startTestApp({ LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local', REDIS_URL: redisUrl });
    worker = await startWorker(t.app.services);
    pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await stub.close();
    await pg.end();
    redis.disconnect();
  });

  it('When a user with personas, an import, a chat, a memory and a simulation exports, Then the bundle holds every record; after erasure nothing of theirs is left anywhere', async () => {
    stub.script([
      {
        match: 'couples researcher scoring',
        reply: {
          dimensions: Object.fromEntries(DIMENSION_KEYS.map((dimension) => [dimension, { reasoning: 'ok', score: 6, citations: ['t1'] }])),
          horsemen: { criticism: 0, contempt: 0, defensiveness: 0, stonewalling: 0 },
          positiveInteractions: 2,
          negativeInteractions: 1,
          criticalMoments: [],
        },
      },
      { match: 'write the\nstrengths', reply: { strengths: ['a'], risks: ['b'], recommendations: ['c'] } },
    ]);
    const account = newAccountInput();
    const token = (await t.http.ok(RegisterDocument, { input: account })).register.accessToken;
    const userId = (await t.http.ok(MeDocument, {}, token)).me.id;
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
    const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    await t.http.ok(SetPersonaConsentDocument, { input: { id: partner.id, given: true } }, token);
    await t.http.ok(
      ImportChatLogDocument,
      { input: { personaId: partner.id, content: 'Mei: are you up?\nAlex: yes, can not sleep\nMei: same, thinking about the trip', personaSpeaker: 'Mei', format: 'PLAIN' } },
      token,
    );
    const chat = (await t.http.ok(StartChatDocument, { input: { partnerPersonaId: partner.id } }, token)).startChat.chat;
    const w = watch(t, token, chat.id);
    const sent = await send(t, token, chat.id, 'a very private chat line');
    await w.finished(sent.replyId!);
    await w.close();
    const memory = await t.app.services.memories.add({
      userId,
      personaId: partner.id,
      view: 'partner',
      kind: 'FACT',
      text: 'The user grew up in Chengdu.',
      importance: 6,
      validFrom: new Date(),
      sourceMessageIds: [sent.message.id],
      vector: (await t.app.services.llm.embed(['The user grew up in Chengdu.'], { agent: 'test', node: 'seed', purpose: 'test' }))[0]!,
      factKey: 'user.hometown',
    });
    const sim = (await t.http.ok(StartSimulationDocument, { input: { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 6, seed: 'rights' } }, token)).startSimulation.simulation;
    await eventually(async () => ['COMPLETED', 'PARTIAL'].includes((await t.http.ok(SimulationDocument, { id: sim.id }, token)).simulation.status), 30_000);

    // Export: every record the test created is in the bundle, in plaintext.
    const bundle = (await t.http.ok(ExportMyDataDocument, {}, token)).exportMyData as {
      postgres: Record<string, Record<string, unknown>[]>;
      transcripts: { text: string; conversationId: string; kind: string }[];
      memories: { id: string; text: string }[];
      shortTermMemory: { personaId: string; turns: { text: string }[] }[];
    };
    expect(bundle.postgres.users![0]).toMatchObject({ id: userId, email: account.email.toLowerCase() });
    expect(bundle.postgres.users![0]).not.toHaveProperty('password_hash');
    expect(bundle.postgres.personas!.map((p) => p.id).sort()).toEqual([self.id, partner.id].sort());
    expect(bundle.postgres.chat_sessions!.map((c) => c.id)).toEqual([chat.id]);
    expect(bundle.postgres.chat_messages!.map((m) => m.id)).toEqual(expect.arrayContaining([sent.message.id, sent.replyId]));
    expect(bundle.postgres.simulations!.map((s) => s.id)).toEqual([sim.id]);
    expect(bundle.postgres.chat_imports).toHaveLength(1);
    expect(bundle.postgres.simulation_episodes!.length).toBeGreaterThan(0);
    expect(bundle.postgres.usage_records!.length).toBeGreaterThan(0);
    const texts = bundle.transcripts.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['are you up?', 'a very private chat line']));
    expect(new Set(bundle.transcripts.map((m) => m.kind))).toEqual(new Set(['IMPORT', 'CHAT', 'SIMULATION']));
    expect(bundle.memories.map((m) => [m.id, m.text])).toEqual([[memory.id, 'The user grew up in Chengdu.']]);
    expect(bundle.shortTermMemory.flatMap((s) => s.turns.map((t) => t.text))).toContain('a very private chat line');

    // At rest the texts are ciphertext; only the API (above) shows plaintext.
    const stored = await pg.query('select text from transcript_messages where owner_id = $1', [userId]);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(stored.rows.filter((r: { text: string }) => /private chat line|are you up/.test(r.text))).toEqual([]);
    const remembered = await pg.query('select text from memories where user_id = $1', [userId]);
    expect(remembered.rows.map((r: { text: string }) => r.text).join(' ')).not.toContain('Chengdu');

    // Erasure.
    const wrong = await t.http.request(DeleteMyAccountDocument, { input: { confirmEmail: 'someone@else.com' } }, token);
    expect(errorCode(wrong)).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(DeleteMyAccountDocument, { input: { confirmEmail: account.email } }, token)).deleteMyAccount.deletedUserId).toBeTruthy();
    expect(errorCode(await t.http.request(MeDocument, {}, token))).toBe('UNAUTHENTICATED');

    const ids = [userId, self.id, partner.id, chat.id, sim.id, sent.message.id, sent.replyId!];
    for (const { table, where } of USER_TABLES) {
      const { rows } = await pg.query(`select count(*)::int as n from ${table} where ${where.replaceAll('?', '$1')}`, [userId]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    for (const [table, column] of [
      ['chat_messages', 'session_id'],
      ['simulation_episodes', 'simulation_id'],
      ['simulation_events', 'simulation_id'],
      ['chat_imports', 'persona_id'],
      ['transcript_messages', 'owner_id'],
      ['memories', 'user_id'],
      ['user_data_keys', 'user_id'],
    ]) {
      const { rows } = await pg.query(`select count(*)::int as n from ${table} where ${column}::text = any($1)`, [ids]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    for (const table of ['checkpoints', 'checkpoint_blobs', 'checkpoint_writes']) {
      const { rows } = await pg.query(`select count(*)::int as n from ${table} where thread_id = $1`, [sim.id]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    expect(await t.app.services.transcripts.listByOwner(userId)).toEqual([]);
    expect(await t.app.services.memories.list({ userId, includeInvalid: true })).toEqual([]);
    const keys: string[] = [];
    for (let cursor = '0'; ; ) {
      const [next, batch] = await redis.scan(cursor, 'MATCH', 'soullink:*', 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
      if (cursor === '0') break;
    }
    const theirs = keys.filter((k) => ids.some((id) => k.includes(id)));
    // A deleted chat log's seq key stays as a marker that drops late appends (a reply still
    // streaming): it holds nothing but "deleted" and expires with the log's retention.
    const markers: string[] = [];
    for (const key of theirs) if ((await redis.get(key)) === 'deleted' && (await redis.ttl(key)) > 0) markers.push(key);
    expect(markers.every((k) => /^soullink:chat:\{[0-9a-f-]{36}\}:seq$/.test(k))).toBe(true);
    expect(theirs.filter((k) => !markers.includes(k))).toEqual([]);
  }, 90_000);
});
