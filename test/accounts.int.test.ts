import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RefreshSessionDocument,
  RegisterDocument,
} from '../graphql/generated/graphql';
import { AccessTokens } from '../src/domain/accounts/access-tokens';
import { User } from '../src/domain/accounts/user.entity';
import { ManualClock } from '../src/kernel/clock/manual-clock';
import { Role, Tier } from '../src/domain/tiers';
import { errorCode } from './support/graphql-client';
import { TEST_JWT_SECRET, newAccountInput, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const userCount = () => t.app.services.orm.em.fork().count(User);

describe('Accounts over GraphQL', () => {
  it('When a user registers, Then they can log in and read their own account with tier limits', async () => {
    const input = newAccountInput();
    const registered = await t.http.ok(RegisterDocument, { input });
    expect(registered.register.user).toMatchObject({ email: input.email, displayName: input.displayName, tier: 'BASIC', role: 'USER' });

    const login = await t.http.ok(LoginDocument, { input: { email: input.email.toUpperCase(), password: input.password } });
    const me = await t.http.ok(MeDocument, undefined, login.login.accessToken);
    expect(me.me).toMatchObject({
      email: input.email,
      tier: 'BASIC',
      limits: { partnerPersonas: 2, monthlyTokens: 200_000, concurrentSimulations: 1 },
    });
  });

  it('When an email is already registered, Then registering again fails with EMAIL_TAKEN and creates nothing', async () => {
    const input = newAccountInput();
    await t.http.ok(RegisterDocument, { input });
    const before = await userCount();
    const again = await t.http.request(RegisterDocument, { input: { ...input, email: ` ${input.email.toUpperCase()} ` } });
    expect(errorCode(again)).toBe('EMAIL_TAKEN');
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'input.email'],
    ['a short password', { password: 'short' }, 'input.password'],
    ['a huge display name', { displayName: 'x'.repeat(100_000) }, 'input.displayName'],
    ['a huge email', { email: `${'a'.repeat(10_000)}@example.com` }, 'input.email'],
    ['a blank display name', { displayName: '   ' }, 'input.displayName'],
    ['control characters in the name', { displayName: 'bad\u0007name' }, 'input.displayName'],
  ])('When registering with %s, Then VALIDATION_FAILED names the field and nothing is created', async (_label, override, field) => {
    const before = await userCount();
    const result = await t.http.request(RegisterDocument, { input: newAccountInput(override) });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.data).toBeNull();
    expect(await userCount()).toBe(before);
  });

  it('When the password is wrong or the email unknown, Then both fail with the same error', async () => {
    const input = newAccountInput();
    await t.http.ok(RegisterDocument, { input });
    const wrong = await t.http.request(LoginDocument, { input: { email: input.email, password: 'wrong password!' } });
    const unknown = await t.http.request(LoginDocument, { input: { email: `nobody-${Date.now()}@example.com`, password: 'wrong password!' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);
  });

  it('When a refresh token is used, Then it rotates: the new pair works and the old token is single-use', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const { refreshSession: rotated } = await t.http.ok(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } });
    expect(rotated.refreshToken).not.toBe(register.refreshToken);
    expect(rotated.sessionId).toBe(register.sessionId);
    const me = await t.http.ok(MeDocument, undefined, rotated.accessToken);
    expect(me.me.id).toBe(register.user.id);

    const { refreshSession: again } = await t.http.ok(RefreshSessionDocument, { input: { refreshToken: rotated.refreshToken } });
    expect(again.user.id).toBe(register.user.id);
  });

  it('When an old refresh token is reused, Then the whole session is revoked, newest tokens included', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const { refreshSession: rotated } = await t.http.ok(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } });

    const reuse = await t.http.request(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    expect(reuse.errors?.[0]?.extensions?.reason).toBe('REFRESH_TOKEN_REUSED');

    const newest = await t.http.request(RefreshSessionDocument, { input: { refreshToken: rotated.refreshToken } });
    expect(errorCode(newest)).toBe('UNAUTHENTICATED');
    const me = await t.http.request(MeDocument, undefined, rotated.accessToken);
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.errors?.[0]?.extensions?.reason).toBe('SESSION_REVOKED');
  });

  it('When two refreshes race with the same token, Then exactly one succeeds and the other is refused', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const results = await Promise.all([
      t.http.request(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } }),
      t.http.request(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } }),
    ]);
    expect(results.filter((r) => r.data?.refreshSession)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(['UNAUTHENTICATED']);
  });

  it('When a user logs out, Then the access token and the refresh token stop working, other sessions do not', async () => {
    const input = newAccountInput();
    const { register } = await t.http.ok(RegisterDocument, { input });
    const { login: other } = await t.http.ok(LoginDocument, { input: { email: input.email, password: input.password } });

    expect((await t.http.ok(LogoutDocument, undefined, register.accessToken)).logout.endedSessionId).toBeTruthy();
    expect(errorCode(await t.http.request(MeDocument, undefined, register.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.http.request(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } }))).toBe('UNAUTHENTICATED');
    expect((await t.http.ok(MeDocument, undefined, other.accessToken)).me.email).toBe(input.email);
  });

  it('When the access token is expired, tampered with or missing, Then me fails with UNAUTHENTICATED and a reason', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    // Signed with the app's key on a clock an hour behind: its 60 s ran out long ago.
    const tokens = new AccessTokens(TEST_JWT_SECRET, 60, new ManualClock(Date.now() - 3_600_000));
    const expired = await tokens.issue({ userId: register.user.id, sessionId: register.sessionId, role: Role.USER, tier: Tier.BASIC });
    const expiredResult = await t.http.request(MeDocument, undefined, expired.token);
    expect(errorCode(expiredResult)).toBe('UNAUTHENTICATED');
    expect(expiredResult.errors?.[0]?.extensions?.reason).toBe('TOKEN_EXPIRED');

    // Claim to be an admin without the key: the signature no longer matches.
    const [header, payload, signature] = register.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const tampered = await t.http.request(MeDocument, undefined, `${header}.${forged}.${signature}`);
    expect(errorCode(tampered)).toBe('UNAUTHENTICATED');
    expect(tampered.errors?.[0]?.extensions?.reason).toBe('TOKEN_INVALID');

    const other = new AccessTokens('another-secret-another-secret-another-secret', 60, t.app.services.clock);
    const foreign = await other.issue({ userId: register.user.id, sessionId: register.sessionId, role: Role.ADMIN, tier: Tier.PROFESSIONAL });
    expect(errorCode(await t.http.request(MeDocument, undefined, foreign.token))).toBe('UNAUTHENTICATED');

    expect(errorCode(await t.http.request(MeDocument))).toBe('UNAUTHENTICATED');
  });

  it('When a stale access token is sent with refreshSession, Then the refresh still works', async () => {
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const result = await t.http.request(RefreshSessionDocument, { input: { refreshToken: register.refreshToken } }, 'garbage.token.value');
    expect(result.errors).toBeUndefined();
    expect(result.data?.refreshSession.user.id).toBe(register.user.id);
  });

  it('When the request body is larger than MAX_BODY_BYTES, Then it is refused with 413 before parsing', async () => {
    const oversized = await t.http.raw(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(oversized.status).toBe(413);
  });
});
