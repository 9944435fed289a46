import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ChatSessionsDocument,
  CreatePersonaDocument,
  ForkChatDocument,
  GrantAccessDocument,
  MeDocument,
  RegisterDocument,
  SimulationEventsDocument,
  StartSimulationDocument,
} from '../graphql/generated/graphql';
import { MAX_MESSAGE_CHARS } from '../src/domain/chats/chat-input';
import { startAppWithStub } from './support/app-with-stub';
import { conversation, send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';
import { collect, wsClient } from './support/ws-client';

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

type Events = { seq: number; type: string }[];

/** Follows a run's events from `afterSeq` until the stream ends (or fails), as `token`. */
async function follow(token: string, simulationId: string, afterSeq = 0): Promise<{ events: Events; error?: unknown }> {
  const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
  const sub = collect(client, SimulationEventsDocument, { simulationId, afterSeq });
  const error = await sub.done.then(
    () => undefined,
    (err: unknown) => err,
  );
  await client.dispose();
  const errors = sub.results.flatMap((r) => r.errors ?? []);
  return { events: sub.results.flatMap((r) => (r.data ? [r.data.simulationEvents as Events[number]] : [])), error: error ?? (errors.length ? errors : undefined) };
}

/** An owner with a finished run and a persona with a completed profile. */
async function ownerWithFinishedRun() {
  const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
  const partner = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
  const { startSimulation } = await t.http.ok(
    StartSimulationDocument,
    { input: { selfPersonaId: self.id, partnerPersonaId: partner.id, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 4, seed: 'grants' } },
    token,
  );
  const { events } = await follow(token, startSimulation.simulation.id);
  // A finished analysis, as the analysis job leaves it (the analysis graph itself is tested elsewhere).
  await pg.query(
    `insert into persona_profiles (id, persona_id, version, status, profile, models, prompts, created_at, completed_at)
     values ($1, $2, 1, 'COMPLETED', $3, '["stub"]', '[]', now(), now())`,
    [randomUUID(), partner.id, JSON.stringify({ summary: 'Warm and direct.' })],
  );
  return { token, id: (await t.http.ok(MeDocument, {}, token)).me.id, partnerId: partner.id, simulationId: startSimulation.simulation.id, events };
}

async function analyst() {
  const input = newAccountInput();
  const token = (await t.http.ok(RegisterDocument, { input })).register.accessToken;
  await pg.query(`update users set role = 'ANALYST' where email = $1`, [input.email.toLowerCase()]);
  return { token, email: input.email.toLowerCase(), id: (await t.http.ok(MeDocument, {}, token)).me.id };
}

const profileQuery = 'query($p: ID!) { personaProfile(personaId: $p) { version status } personaProfiles(personaId: $p) { nodes { version } } }';

async function auditOf(actorId: string) {
  const { rows } = await pg.query<{ kind: string; action: string; outcome: string }>('select kind, action, outcome from audit_events where actor_id = $1 order by at', [actorId]);
  return rows.map((r) => `${r.kind} ${r.action} ${r.outcome}`);
}

describe('Analyst grants read what is shared, audited as reads', () => {
  it('When an owner shares a persona and a run with an analyst, Then the analyst reads the profile and replays the events; before the grants both are refused; every attempt is audited as a read', async () => {
    const owner = await ownerWithFinishedRun();
    expect(owner.events.at(-1)?.type).toBe('REPORT_READY');
    const a = await analyst();

    // Before any grant: refused, and the attempts are audited as denied reads.
    expect(errorCode(await t.http.raw({ query: profileQuery, variables: { p: owner.partnerId } }, a.token))).toBe('PERSONA_NOT_FOUND');
    const refused = await follow(a.token, owner.simulationId);
    expect(refused.events).toEqual([]);
    expect(refused.error).toBeDefined();
    expect(await auditOf(a.id)).toEqual(['PERSONA read DENIED', 'PERSONA read DENIED', 'SIMULATION read DENIED']);

    await t.http.ok(GrantAccessDocument, { input: { analystEmail: a.email, kind: 'PERSONA', resourceId: owner.partnerId } }, owner.token);
    await t.http.ok(GrantAccessDocument, { input: { analystEmail: a.email, kind: 'SIMULATION', resourceId: owner.simulationId } }, owner.token);

    const profile = await t.http.raw<{ personaProfile: { version: number; status: string } | null; personaProfiles: { version: number }[] }>(
      { query: profileQuery, variables: { p: owner.partnerId } },
      a.token,
    );
    expect(profile.errors).toBeUndefined();
    expect(profile.data).toEqual({ personaProfile: { version: 1, status: 'COMPLETED' }, personaProfiles: { nodes: [{ version: 1 }] } });
    const shared = await follow(a.token, owner.simulationId);
    expect(shared.error).toBeUndefined();
    expect(shared.events.map((e) => e.seq)).toEqual(owner.events.map((e) => e.seq));

    const trail = await auditOf(a.id);
    expect(trail.slice(3)).toEqual(['PERSONA read SHARED', 'PERSONA read SHARED', 'SIMULATION read SHARED']);
    expect(trail.filter((x) => x.includes('write'))).toEqual([]);
  }, 120_000);

  it('When a signed-in stranger asks for the profile or the events, Then PERSONA_NOT_FOUND / a refused stream, audited as denied reads', async () => {
    const owner = await ownerWithFinishedRun();
    const strangerInput = newAccountInput();
    const stranger = (await t.http.ok(RegisterDocument, { input: strangerInput })).register;
    expect(errorCode(await t.http.raw({ query: profileQuery, variables: { p: owner.partnerId } }, stranger.accessToken))).toBe('PERSONA_NOT_FOUND');
    const refused = await follow(stranger.accessToken, owner.simulationId);
    expect(refused.events).toEqual([]);
    expect(refused.error).toBeDefined();
    expect(await auditOf(stranger.user.id)).toEqual(['PERSONA read DENIED', 'PERSONA read DENIED', 'SIMULATION read DENIED']);
  }, 120_000);
});

describe('Replays of a finished run complete', () => {
  it('When a subscriber replays a finished run from its last seq (or beyond), Then the stream completes at once with nothing; from one before, with the last event', async () => {
    const owner = await ownerWithFinishedRun();
    const last = owner.events.at(-1)!.seq;
    expect(await follow(owner.token, owner.simulationId, last)).toEqual({ events: [], error: undefined });
    expect(await follow(owner.token, owner.simulationId, last + 10)).toEqual({ events: [], error: undefined });
    const tail = await follow(owner.token, owner.simulationId, last - 1);
    expect(tail.events.map((e) => e.type)).toEqual(['REPORT_READY']);
  }, 120_000);
});

describe('A refused fork leaves nothing behind', () => {
  it.each([
    ['4,001 characters', 'x'.repeat(MAX_MESSAGE_CHARS + 1)],
    ['only spaces', '     '],
    ['nothing', ''],
  ])('When forkChat is sent content of %s, Then VALIDATION_FAILED and no branch exists', async (_label, content) => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const sent = await send(t, token, sessionId, 'where should we go?');
    await w.finished(sent.replyId!);
    await w.close();
    const before = (await t.http.ok(ChatSessionsDocument, {}, token)).chatSessions.totalCount;

    const result = await t.http.request(ForkChatDocument, { input: { messageId: sent.message.id, content } }, token);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(ChatSessionsDocument, {}, token)).chatSessions.totalCount).toBe(before);
    const { rows } = await pg.query('select count(*)::int as n from chat_sessions where parent_id = $1', [sessionId]);
    expect(rows[0].n).toBe(0);
  });

  it('When forkChat is sent valid content, Then the branch exists with the message sent in it', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const sent = await send(t, token, sessionId, 'where should we go?');
    await w.finished(sent.replyId!);
    await w.close();
    const fork = (await t.http.ok(ForkChatDocument, { input: { messageId: sent.message.id, content: 'what about the beach?' } }, token)).forkChat.chat;
    const messages = await conversation(t, token, fork.id);
    expect(messages.some((m) => m.text === 'what about the beach?')).toBe(true);
  });
});
