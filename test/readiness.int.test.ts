import { LoginDocument, MeDocument, RegisterDocument } from '../graphql/generated/graphql';
import { hasRedisServer, startPrivateRedis } from './support/private-redis';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('Health, readiness and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('When the process is up, Then /healthz answers ok', async () => {
    expect(await getJson(`${t.baseUrl}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('When only Postgres is configured (no model endpoint), Then /readyz reports each dependency truthfully', async () => {
    const { status, body } = await getJson(`${t.baseUrl}/readyz`);
    expect(status).toBe(200);
    expect(body.dependencies).toMatchObject({
      postgres: { status: 'ok', mode: 'external' },
      redis: { status: 'ok', mode: 'in-process' },
      mongodb: { status: 'not configured' },
      weaviate: { status: 'not configured' },
      llm: { status: 'ok', mode: 'offline' },
    });
  });

  it('When operations run, Then /metrics counts them by name and outcome and counts error codes', async () => {
    const input = newAccountInput();
    await t.http.ok(RegisterDocument, { input });
    await t.http.request(LoginDocument, { input: { email: input.email, password: 'wrong password' } });
    await t.http.request(MeDocument);
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(text).toMatch(/soullink_graphql_operations_total\{operation="register",type="mutation",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/soullink_graphql_operations_total\{operation="login",type="mutation",outcome="error"\} [1-9]/);
    expect(text).toMatch(/soullink_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toMatch(/soullink_graphql_operation_duration_seconds_bucket/);
    expect(text).toMatch(/soullink_open_subscriptions 0/);
    expect(text).not.toContain(input.email);
  });

  it('When a request carries an x-request-id, Then the response echoes it', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'req-123' } });
    expect(res.headers.get('x-request-id')).toBe('req-123');
  });
});

(hasRedisServer ? describe : describe.skip)('Readiness when Redis stops (private redis-server)', () => {
  it('When Redis goes down, Then /readyz says redis down and the API keeps serving, degraded', async () => {
    const redis = await startPrivateRedis();
    const t = await startTestApp({ REDIS_URL: redis.url });
    try {
      const before = await getJson(`${t.baseUrl}/readyz`);
      expect(before.body.dependencies.redis).toEqual({ status: 'ok', mode: 'external' });
      expect(before.body.status).toBe('ready');

      await redis.stop();
      const after = await getJson(`${t.baseUrl}/readyz`);
      expect(after.status).toBe(200);
      expect(after.body.status).toBe('degraded');
      expect(after.body.dependencies.redis.status).toBe('down');

      const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
      expect((await t.http.ok(MeDocument, undefined, register.accessToken)).me.id).toBe(register.user.id);
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});
