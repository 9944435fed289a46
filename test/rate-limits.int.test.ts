import { LoginDocument, MeDocument, RegisterDocument } from '../graphql/generated/graphql';
import { errorCode } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let heavy: string;
let bystander: string;
beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMITS: JSON.stringify({ auth: { limit: 8, windowMs: 60_000 }, loginAccount: { limit: 3, windowMs: 60_000 }, global: { limit: 20, windowMs: 60_000 } }),
  });
  // Registered first: the tests below use up this address's sign-in budget on purpose.
  heavy = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  bystander = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
});
afterAll(() => t.close());

describe('Rate limits', () => {
  it('When one account gets more password attempts than allowed, Then RATE_LIMITED with a retry-after, even for the right password', async () => {
    const input = newAccountInput();
    await t.http.ok(RegisterDocument, { input });
    for (let i = 0; i < 3; i++) await t.http.request(LoginDocument, { input: { email: input.email, password: `wrong ${i} password` } });
    const blocked = await t.http.request(LoginDocument, { input: { email: input.email, password: input.password } });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('When one address floods sign-in, Then further auth calls are refused, and a signed-in user’s own budget is separate', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await t.http.request(LoginDocument, { input: { email: `nobody${i}@example.com`, password: 'whatever pass' } }));
    expect(results.map(errorCode)).toContain('RATE_LIMITED');
    expect(errorCode(await t.http.request(MeDocument, undefined, bystander))).toBeUndefined();
  });

  it('When a user exceeds the global budget, Then RATE_LIMITED, and other users are unaffected', async () => {
    const codes = [];
    for (let i = 0; i < 22; i++) codes.push(errorCode(await t.http.request(MeDocument, undefined, heavy)));
    expect(codes.slice(0, 20).every((c) => c === undefined)).toBe(true);
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(errorCode(await t.http.request(MeDocument, undefined, bystander))).toBeUndefined();
  });
});
