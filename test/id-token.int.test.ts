import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { MeDocument, RegisterDocument, SignInWithIdTokenDocument } from '../graphql/generated/graphql';
import { errorCode } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

const ISSUER = 'https://accounts.google.test';
const AUDIENCE = 'soullink-test-client';

/** A local identity provider: serves its JWKS and signs id tokens like Google would. */
async function startLocalIdp() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const sign = (claims: Record<string, unknown>, options: { key?: CryptoKey; issuer?: string; audience?: string; expiresIn?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey);
  return { jwksUrl, sign, close: () => new Promise((r) => server.close(r)) };
}

let idp: Awaited<ReturnType<typeof startLocalIdp>>;
let t: TestApp;
beforeAll(async () => {
  idp = await startLocalIdp();
  t = await startTestApp({ OIDC_GOOGLE_AUDIENCE: AUDIENCE, OIDC_GOOGLE_ISSUER: ISSUER, OIDC_GOOGLE_JWKS_URL: idp.jwksUrl });
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('signInWithIdToken (OIDC id tokens verified with jose against a JWKS)', () => {
  it('When a valid Google id token arrives for a new identity, Then an account is created and signed in, and the next sign-in finds it', async () => {
    const sub = `google-${unique()}`;
    const token = await idp.sign({ sub, email: `${sub}@gmail.test`, email_verified: true, name: 'Mei Chen' });
    const first = await t.http.ok(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: token } });
    expect(first.signInWithIdToken.user).toMatchObject({ email: `${sub}@gmail.test`, displayName: 'Mei Chen' });

    const second = await t.http.ok(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: await idp.sign({ sub }) } });
    expect(second.signInWithIdToken.user.id).toBe(first.signInWithIdToken.user.id);
    const me = await t.http.ok(MeDocument, undefined, second.signInWithIdToken.accessToken);
    expect(me.me.id).toBe(first.signInWithIdToken.user.id);
  });

  it('When the provider vouches for the email of an existing account, Then the identity is linked to it', async () => {
    const input = newAccountInput();
    const { register } = await t.http.ok(RegisterDocument, { input });
    const token = await idp.sign({ sub: `google-${unique()}`, email: input.email, email_verified: true });
    const result = await t.http.ok(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: token } });
    expect(result.signInWithIdToken.user.id).toBe(register.user.id);
  });

  it('When the email is not verified, Then it is not linked to the existing account', async () => {
    const input = newAccountInput();
    const { register } = await t.http.ok(RegisterDocument, { input });
    const token = await idp.sign({ sub: `google-${unique()}`, email: input.email, email_verified: false });
    const result = await t.http.request(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: token } });
    expect(result.data?.signInWithIdToken.user.id).not.toBe(register.user.id);
  });

  it.each([
    ['the wrong audience', { audience: 'someone-else' }],
    ['the wrong issuer', { issuer: 'https://evil.test' }],
    ['an expired token', { expiresIn: '-1m' }],
  ])('When the id token has %s, Then sign-in fails with UNAUTHENTICATED', async (_label, options) => {
    const token = await idp.sign({ sub: `google-${unique()}` }, options);
    const result = await t.http.request(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: token } });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.extensions?.reason).toBe('ID_TOKEN_INVALID');
  });

  it('When the id token is signed by a key not in the JWKS, Then sign-in fails', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const token = await idp.sign({ sub: `google-${unique()}` }, { key: stranger });
    expect(errorCode(await t.http.request(SignInWithIdTokenDocument, { input: { provider: 'GOOGLE', idToken: token } }))).toBe('UNAUTHENTICATED');
  });

  it('When a provider is not configured, Then sign-in with it fails with IDENTITY_PROVIDER_NOT_CONFIGURED', async () => {
    const token = await idp.sign({ sub: `apple-${unique()}` });
    const result = await t.http.request(SignInWithIdTokenDocument, { input: { provider: 'APPLE', idToken: token } });
    expect(errorCode(result)).toBe('IDENTITY_PROVIDER_NOT_CONFIGURED');
  });
});
