import { AccountEventsDocument, LoginDocument, LogoutDocument, RegisterDocument } from '../graphql/generated/graphql';
import { collect, eventually, wsClient } from './support/ws-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GraphQL subscriptions over graphql-ws', () => {
  it('When a client connects without a token, Then the socket is closed and nothing is streamed', async () => {
    const { client, closes } = wsClient(t.wsUrl);
    const sub = collect(client, AccountEventsDocument);
    await expect(sub.done).rejects.toBeDefined();
    expect(closes[0]?.code).toBe(4403);
    expect(sub.results).toHaveLength(0);
    await client.dispose();
  });

  it('When a client connects with a bad or revoked token, Then the socket is closed', async () => {
    const bad = wsClient(t.wsUrl, { authorization: 'Bearer not-a-jwt' });
    await expect(collect(bad.client, AccountEventsDocument).done).rejects.toBeDefined();
    expect(bad.closes[0]?.code).toBe(4403);
    await bad.client.dispose();

    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    await t.http.ok(LogoutDocument, undefined, register.accessToken);
    const revoked = wsClient(t.wsUrl, { authorization: `Bearer ${register.accessToken}` });
    await expect(collect(revoked.client, AccountEventsDocument).done).rejects.toBeDefined();
    expect(revoked.closes[0]?.code).toBe(4403);
    await revoked.client.dispose();
  });

  it('When another device logs out, Then a subscribed device receives SESSION_REVOKED for that session', async () => {
    const input = newAccountInput();
    const { register: phone } = await t.http.ok(RegisterDocument, { input });
    const { login: laptop } = await t.http.ok(LoginDocument, { input: { email: input.email, password: input.password } });

    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${phone.accessToken}` });
    const sub = collect(client, AccountEventsDocument);
    await sub.ready;
    await eventually(async () => (await t.app.services.metrics.openSubscriptions.get()).values[0]!.value > 0);

    await t.http.ok(LogoutDocument, undefined, laptop.accessToken);
    await eventually(() => sub.results.length > 0);
    expect(sub.results[0]?.data?.accountEvents).toMatchObject({ type: 'SESSION_REVOKED', sessionId: laptop.sessionId, reason: 'LOGOUT' });
    sub.unsubscribe();
    await client.dispose();
  });

  it('When a token is given as connectionParams.accessToken, Then it is accepted too', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const { client, closes } = wsClient(t.wsUrl, { accessToken: register.accessToken });
    const sub = collect(client, AccountEventsDocument);
    await sub.ready;
    expect(closes).toHaveLength(0);
    sub.unsubscribe();
    await client.dispose();
  });
});
