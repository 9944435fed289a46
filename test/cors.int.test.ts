import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { MeDocument, RegisterDocument } from '../graphql/generated/graphql';
import { PREFLIGHT_MAX_AGE_SECONDS } from '../src/server/cors';
import { errorCode } from './support/graphql-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

/**
 * Browser reachability over plain HTTP, header by header (test/browser.int.test.ts shows the
 * same from a real page in Chromium): the preflight, the CORS headers of an allowed and a
 * refused origin, the websocket Origin check, and RATE_LIMITED as HTTP 429.
 */
const APP = 'https://app.example.com';
const LOCAL = 'http://localhost:5173';
const EVIL = 'https://evil.example.net';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    CORS_ORIGINS: `${APP}, ${LOCAL}`,
    RATE_LIMITS: JSON.stringify({ auth: { limit: 100_000, windowMs: 60_000 }, global: { limit: 5, windowMs: 60_000 } }),
  });
});
afterAll(() => t.close());

function preflight(origin: string) {
  return fetch(t.server.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
}

/** The status of a websocket upgrade from a page on `origin` (undefined: no Origin, as non-browser clients send). */
function upgradeStatus(origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws', origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', (err) => reject(err));
  });
}

describe('CORS', () => {
  it('When a page on an allowed origin sends a preflight, Then 204 with the methods, headers and a cache lifetime', async () => {
    const res = await preflight(APP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('authorization'));
    expect(res.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('content-type'));
    expect(res.headers.get('access-control-max-age')).toBe(String(PREFLIGHT_MAX_AGE_SECONDS));
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('When a page on an origin not in CORS_ORIGINS sends a preflight, Then it is refused without any CORS header', async () => {
    const res = await preflight(EVIL);
    expect(res.status).toBe(403);
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('When an allowed origin posts a query, Then the answer carries its origin and exposes Retry-After; a refused origin gets the answer with no CORS header', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const allowed = await fetch(t.server.url, { method: 'POST', headers: { origin: LOCAL, 'content-type': 'application/json' }, body });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(LOCAL);
    expect(allowed.headers.get('access-control-expose-headers')).toEqual(expect.stringContaining('retry-after'));
    const refused = await fetch(t.server.url, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('When a websocket upgrade comes from a refused origin, Then 403; from an allowed origin, the server itself, or a non-browser client, it opens', async () => {
    expect(await upgradeStatus(EVIL)).toBe(403);
    expect(await upgradeStatus(APP)).toBe(101);
    expect(await upgradeStatus(new URL(t.server.url).origin)).toBe(101);
    expect(await upgradeStatus(undefined)).toBe(101);
  });

  it('When OPTIONS comes with no Origin (not a browser preflight), Then 204 with Allow and no CORS headers', async () => {
    const status = await new Promise<{ status: number; allow?: string; acao?: string }>((resolve, reject) => {
      const req = httpRequest(t.server.url, { method: 'OPTIONS' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, acao: res.headers['access-control-allow-origin'] as string | undefined });
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toEqual({ status: 204, allow: 'GET, POST, PUT, OPTIONS', acao: undefined });
  });
});

describe('RATE_LIMITED over HTTP', () => {
  it('When a caller exceeds its budget, Then HTTP 429 with Retry-After in seconds, and the GraphQL error still says RATE_LIMITED', async () => {
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 7 && !limited; i++) {
      const res = await fetch(t.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: APP },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.text();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited).toBeDefined();
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A page on an allowed origin can read it.
    expect(limited!.headers.get('access-control-allow-origin')).toBe(APP);
    const body = (await limited!.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    // Other callers are not affected.
    const other = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const fine = await t.http.request(MeDocument, undefined, other);
    expect({ status: fine.status, code: errorCode(fine) }).toEqual({ status: 200, code: undefined });
  });
});
