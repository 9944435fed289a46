import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChatEventsDocument, CreatePersonaDocument, MeDocument } from '../graphql/generated/graphql';
import { Chat, type ChatEvent } from '../examples/client/chat';
import { LiveSocket } from '../examples/client/live-socket';
import { walkthrough } from '../examples/client/run';
import { SeqGate } from '../examples/client/seq-gate';
import { Session } from '../examples/client/session';
import { SoulLinkClient, SoulLinkError } from '../examples/client/soullink-client';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { simulationJudgeRules } from './support/judge-script';
import { newAccountInput, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
// Short-lived access tokens, so a test sees the client refresh them (a quarter before expiry: at 3 s).
const TTL_SECONDS = 4;

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) }));
});
afterAll(() => close());
beforeEach(() => {
  stub.reset();
  stub.script(simulationJudgeRules());
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('The example client (examples/client) against a real server', () => {
  it('When the walkthrough runs, Then it streams the reply, follows the simulation to COMPLETED and prints the typed report', async () => {
    stub.configure('', { chunkCount: 5, chunkIntervalMs: 10 });
    const out: string[] = [];
    const { reply, finished } = await walkthrough({ url: t.server.url, write: (s) => out.push(s) });
    const printed = out.join('');

    expect(printed).toMatch(/^signed in as demo-\d+@example\.com \(BASIC\)\n/);
    // The chunks, written as they came, add up to the authoritative AI_COMPLETE text.
    expect(reply.text.length).toBeGreaterThan(0);
    expect(printed).toContain(`Mei: ${reply.text}\n`);
    expect(finished.simulation).toMatchObject({ status: 'COMPLETED', failureReason: null });
    expect(printed).toMatch(/\nstarted: 1 episodes in .+\nepisode 1: .+\n/);
    expect(printed).toContain('\nREPORT_READY: COMPLETED\n');
    const report = finished.report!;
    expect(report).toMatchObject({ selfName: 'Alex', partnerName: 'Mei', episodes: 1, partial: false, strengths: ['Warm humour'] });
    expect(report.dimensions.length).toBeGreaterThan(5);
    expect(printed).toContain(`Alex & Mei: overall ${report.overall.mean.toFixed(1)}/10 (95% CI`);
    expect(printed).toContain(`  ${report.dimensions[0]!.label}: ${report.dimensions[0]!.estimate.mean.toFixed(1)}\n`);
    expect(printed).toContain('strengths: Warm humour\n');
  }, 120_000);

  it('When the token is refreshed and the socket dropped mid-reply, Then the reply renders once, in order, and the socket signs in with the new token', async () => {
    // ~6 s of streaming: the token refresh (at 3 s) and two forced reconnects land inside it.
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    stub.configure('', { reply: `Climbing was great, ${words}.`, chunkCount: 40, chunkIntervalMs: 150 });
    const anonymous = new SoulLinkClient(t.server.url);
    const session = await Session.register(anonymous, newAccountInput());
    const signedInAt = Date.now();
    const firstToken = session.accessToken;
    const issued = [firstToken];
    session.onRefresh((token) => issued.push(token));
    const live = new LiveSocket(t.wsUrl, session);
    const persona = (await session.client.request(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Jun', interests: ['climbing'] } })).createPersona.persona;
    const written: string[] = [];
    const events: ChatEvent[] = [];
    const chat = await Chat.start(session, live, persona.id, { write: (s) => written.push(s), event: (e) => events.push(e) });
    const chunks = () => events.filter((e) => e.type === 'AI_CHUNK');
    try {
      const replying = chat.say('Hi Jun, how was climbing today?');
      await eventually(() => chunks().length >= 5, 10_000);
      live.reconnect();
      await eventually(() => chunks().length >= 25, 10_000);
      live.reconnect();
      const reply = await replying;

      // What the user sees: the reply once, whole, in order.
      expect(written.join('')).toBe(reply.text);
      expect(chunks().map((c) => c.index)).toEqual(chunks().map((_, i) => i));
      const seqs = events.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // The session refreshed on its timer and the socket reconnected with it: each connection
      // signed in with the session's newest token at the time (never an older one again).
      expect(session.refreshes).toBeGreaterThanOrEqual(1);
      expect(live.connectionTokens.length).toBeGreaterThanOrEqual(3);
      const generation = live.connectionTokens.map((token) => issued.indexOf(token));
      expect(generation[0]).toBe(0);
      expect(generation).toContain(1);
      expect(generation).toEqual([...generation].sort((a, b) => a - b));

      // Once the first token has expired, new subscriptions and requests still work: they use the refreshed one.
      await sleep(Math.max(0, signedInAt + TTL_SECONDS * 1000 + 500 - Date.now()));
      const replay: ChatEvent[] = [];
      const stream = live.follow(ChatEventsDocument, { sessionId: chat.sessionId }, { seqOf: (r) => r.chatEvents.seq, onEvent: (r) => replay.push(r.chatEvents) });
      await eventually(() => replay.some((e) => e.type === 'AI_COMPLETE'), 5000);
      stream.stop();
      const shown = Math.min(replay.length, seqs.length);
      expect(replay.slice(0, shown).map((e) => e.seq)).toEqual(seqs.slice(0, shown));
      expect(live.connectionTokens.at(-1)).not.toBe(firstToken);
      expect((await session.client.request(MeDocument, {})).me.email).toBe(session.user.email);
    } finally {
      chat.close();
      await live.close();
      session.close();
    }
  });

  it('When a request is refused because the access token expired, Then the client refreshes once and repeats it', async () => {
    const session = await Session.register(new SoulLinkClient(t.server.url), newAccountInput(), { refreshTimer: false });
    const expired = session.accessToken;
    await sleep(TTL_SECONDS * 1000 + 500);
    const raw = await fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${expired}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(((await raw.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');

    const { me } = await session.client.request(MeDocument, {});
    expect(me.email).toBe(session.user.email);
    expect(session.refreshes).toBe(1);
    session.close();
  });

  it('When the credentials are wrong, Then sign-in fails with the typed error code', async () => {
    const input = newAccountInput();
    await Session.register(new SoulLinkClient(t.server.url), input).then((s) => s.close());
    const error = await Session.signIn(new SoulLinkClient(t.server.url), input.email, 'not the password').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SoulLinkError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });

  it('When replayed events overlap what was shown, Then each seq passes once', () => {
    const gate = new SeqGate(3);
    expect([2, 3, 4, 5, 4, 6].filter((seq) => gate.admit(seq))).toEqual([4, 5, 6]);
    expect(gate).toMatchObject({ lastSeq: 6, dropped: 3 });
  });

  it('When the compiled script runs against the server, Then it prints the walkthrough and exits 0', async () => {
    stub.configure('', { chunkCount: 3 });
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'examples/client/tsconfig.json')], { cwd: ROOT });
    const { stdout } = await run(process.execPath, [join(ROOT, 'dist/examples/client/run.js'), t.server.url], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toMatch(/^signed in as /);
    expect(stdout).toMatch(/\nMei: .+\n/);
    expect(stdout).toContain('\nstatus: COMPLETED, ');
    expect(stdout).toMatch(/\nAlex & Mei: overall \d+\.\d\/10 \(95% CI \d+\.\d–\d+\.\d, 1 episodes\)\n/);
  }, 90_000);
});
