import {
  AccountEventsDocument,
  ChatEventsDocument,
  CreatePersonaDocument,
  DeleteMyAccountDocument,
  LoginDocument,
  LogoutDocument,
  RegisterDocument,
  StartChatDocument,
} from '../graphql/generated/graphql';
import { REPLY_OF_ERASED_ACCOUNT } from '../src/chat-runtime/chat-engine';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { createLogger } from '../src/observability/logger';
import { startAppWithStub } from './support/app-with-stub';
import { send } from './support/chat-helpers';
import { describeWithRedis, startApiInstancesOverRedis } from './support/api-instances-over-redis';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

/** One account signed in on two devices (two sessions), with a chat. */
async function twoDevices(t: TestApp) {
  const input = newAccountInput();
  const first = (await t.http.ok(RegisterDocument, { input })).register;
  const second = (await t.http.ok(LoginDocument, { input: { email: input.email, password: input.password } })).login;
  const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Jun' } }, first.accessToken)).createPersona.persona;
  const chat = (await t.http.ok(StartChatDocument, { input: { partnerPersonaId: persona.id } }, first.accessToken)).startChat.chat;
  return { email: input.email, first, second, sessionId: chat.id };
}

/** A device's socket with a chatEvents and an accountEvents subscription on it. */
function device(url: string, token: string, chatId: string) {
  const { client, closes } = wsClient(url, { authorization: `Bearer ${token}` });
  const chat = collect(client, ChatEventsDocument, { sessionId: chatId, afterSeq: 0 });
  const account = collect(client, AccountEventsDocument, {});
  // Their end (an error when the socket is closed under them) is what the tests look at.
  chat.done.catch(() => undefined);
  account.done.catch(() => undefined);
  return {
    closes,
    chatEvents: () => chat.results.filter((r) => r.data?.chatEvents).length,
    accountEvents: () => account.results.map((r) => r.data?.accountEvents).filter(Boolean),
    ended: () => Promise.allSettled([chat.done, account.done]),
    ready: chat.ready,
    dispose: () => client.dispose(),
  };
}

describe('Ended sessions stop streaming (one API process)', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ t, close } = await startAppWithStub()));
  afterAll(() => close());

  it('When one device logs out, Then its socket closes with 4403 at once and its subscriptions end; the other device streams on and hears SESSION_REVOKED', async () => {
    const { first, second, sessionId } = await twoDevices(t);
    const leaving = device(t.wsUrl, first.accessToken, sessionId);
    const staying = device(t.wsUrl, second.accessToken, sessionId);
    await Promise.all([leaving.ready, staying.ready]);
    // Both subscriptions are live: both see the first exchange.
    await send(t, second.accessToken, sessionId, 'hello from the second phone');
    await eventually(() => leaving.chatEvents() > 0 && staying.chatEvents() > 0, 10_000);

    expect((await t.http.ok(LogoutDocument, {}, first.accessToken)).logout.endedSessionId).toBeTruthy();
    await eventually(() => leaving.closes.length > 0, 2_000);
    expect(leaving.closes[0]).toEqual({ code: 4403, reason: 'Session has ended' });
    await leaving.ended();
    const seenBeforeLogout = leaving.chatEvents();

    await send(t, second.accessToken, sessionId, 'still here?');
    const staysAt = staying.chatEvents();
    await eventually(() => staying.chatEvents() > staysAt, 10_000);
    expect(leaving.chatEvents()).toBe(seenBeforeLogout);
    expect(staying.closes).toEqual([]);
    expect(staying.accountEvents()).toEqual([expect.objectContaining({ type: 'SESSION_REVOKED', sessionId: first.sessionId, reason: 'LOGOUT' })]);
    await Promise.all([leaving.dispose(), staying.dispose()]);
  }, 30_000);

  it('When the account is deleted, Then every socket of the user closes with 4403 at once', async () => {
    const { email, first, second, sessionId } = await twoDevices(t);
    const one = device(t.wsUrl, first.accessToken, sessionId);
    const two = device(t.wsUrl, second.accessToken, sessionId);
    await Promise.all([one.ready, two.ready]);
    await send(t, first.accessToken, sessionId, 'last words');
    await eventually(() => one.chatEvents() > 0 && two.chatEvents() > 0, 10_000);

    expect((await t.http.ok(DeleteMyAccountDocument, { input: { confirmEmail: email } }, first.accessToken)).deleteMyAccount.deletedUserId).toBeTruthy();
    await eventually(() => one.closes.length > 0 && two.closes.length > 0, 2_000);
    expect([one.closes[0]!.code, two.closes[0]!.code]).toEqual([4403, 4403]);
    await Promise.all([one.ended(), two.ended(), one.dispose(), two.dispose()]);
  }, 30_000);
});

describe('A reply being written when its account is erased (one API process)', () => {
  const logs: { level: number; msg: string }[] = [];
  let stub: StubLlmServer;
  let t: TestApp;
  beforeAll(async () => {
    stub = await startStubLlmServer();
    const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
    t = await startTestApp({ LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local' }, { logger });
  });
  afterAll(async () => {
    await t?.close();
    await stub?.close();
  });

  it('When the account is erased while its reply streams, Then the reply is dropped with one info line and nothing is logged as an error', async () => {
    const { email, first, sessionId } = await twoDevices(t);
    // The model takes its time: the erasure is over before the reply's text is stored.
    stub.configure('*', { firstTokenLatencyMs: 1_500 });
    const asked = stub.requests().length;
    await send(t, first.accessToken, sessionId, 'are you still there?');
    await eventually(() => stub.requests().slice(asked).some((r) => r.path.endsWith('/chat/completions')), 5_000);

    const erased = (await t.http.ok(DeleteMyAccountDocument, { input: { confirmEmail: email } }, first.accessToken)).deleteMyAccount.deletedUserId;
    // Either way the reply ends: dropped (info), or a failure logged as an error.
    await eventually(() => logs.some((l) => l.msg === REPLY_OF_ERASED_ACCOUNT || l.level >= 50), 10_000);
    expect(logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    expect(logs.filter((l) => l.msg === REPLY_OF_ERASED_ACCOUNT)).toEqual([expect.objectContaining({ level: 30 })]);
    // The model call that ended after the erasure left no usage under the erased id (those tables have no foreign key to users).
    const left = await t.app.services.orm.em
      .getConnection()
      .execute<{ n: string }[]>('select (select count(*) from usage_records where user_id = ?) + (select count(*) from monthly_token_usage where user_id = ?) as n', [erased, erased]);
    expect(Number(left[0]!.n)).toBe(0);
    // Nor did its streamed chunks write the chat's event log anew (it holds the reply's text).
    expect(await t.app.services.chatEvents.lastSeq(sessionId)).toBe(0);
  }, 30_000);
});

describeWithRedis('Ended sessions stop streaming across API processes (Redis pub/sub)', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => ({ a, b, close } = await startApiInstancesOverRedis()));
  afterAll(() => close?.());

  it('When a device connected to one instance logs out through another, or the account is deleted there, Then its socket closes with 4403 at once', async () => {
    const { email, first, second, sessionId } = await twoDevices(a);
    const onB = device(b.wsUrl, first.accessToken, sessionId);
    const otherOnB = device(b.wsUrl, second.accessToken, sessionId);
    // Acknowledged sockets are registered with their session (onConnect runs before the ack).
    await Promise.all([onB.ready, otherOnB.ready]);

    await a.http.ok(LogoutDocument, {}, first.accessToken);
    await eventually(() => onB.closes.length > 0, 2_000);
    expect(onB.closes[0]!.code).toBe(4403);
    expect(otherOnB.closes).toEqual([]);

    await a.http.ok(DeleteMyAccountDocument, { input: { confirmEmail: email } }, second.accessToken);
    await eventually(() => otherOnB.closes.length > 0, 2_000);
    expect(otherOnB.closes[0]!.code).toBe(4403);
    await Promise.all([onB.dispose(), otherOnB.dispose()]);
  }, 30_000);
});
