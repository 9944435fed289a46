import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LoginDocument, LogoutDocument, RegisterDocument } from '../graphql/generated/graphql';
import { CHROMIUM_PATH } from './support/chat-screenshot';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { eventually } from './support/ws-client';

/**
 * The API as a browser app meets it: pages on other origins (one in CORS_ORIGINS, one not)
 * in headless Chromium call it with fetch and open its websocket, and the self-hosted
 * explorer loads and runs operations with nothing but this server reachable.
 */
const describeWithChromium = CHROMIUM_PATH ? describe : describe.skip;

/** A static page server standing in for a web app on its own origin. */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>web app</title><p>web app</p>'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let t: TestApp;
let browser: Browser;
let allowedApp: { server: Server; origin: string };
let refusedApp: { server: Server; origin: string };

beforeAll(async () => {
  allowedApp = await pageServer();
  refusedApp = await pageServer();
  t = await startTestApp({
    CORS_ORIGINS: allowedApp.origin,
    RATE_LIMITS: JSON.stringify({ auth: { limit: 100_000, windowMs: 60_000 }, global: { limit: 30, windowMs: 60_000 } }),
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  allowedApp?.server.close();
  refusedApp?.server.close();
});

describe('The explorer page over plain HTTP', () => {
  it('When a browser asks for the GraphQL URL (Accept: text/html), Then an HTML page whose every script and stylesheet is served by this server', async () => {
    const res = await fetch(t.server.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((r) => r !== 'data:,');
    expect(refs.length).toBeGreaterThanOrEqual(5);
    expect(refs.filter((r) => !r.startsWith('/graphql/explorer/'))).toEqual([]);
    for (const ref of refs) {
      const asset = await fetch(new URL(ref, t.server.url));
      const body = await asset.arrayBuffer();
      expect({ ref, status: asset.status, type: asset.headers.get('content-type')?.split(';')[0], nonEmpty: body.byteLength > 0 }).toEqual({
        ref,
        status: 200,
        type: ref.endsWith('.css') ? 'text/css' : 'text/javascript',
        nonEmpty: true,
      });
    }
  });

  it('When a client GETs the URL for JSON, Then it is a GraphQL request as before, not the page', async () => {
    const res = await fetch(`${t.server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describeWithChromium('From a browser', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function pageOn(origin: string): Promise<{ page: Page; console: string[] }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(origin);
    return { page, console: messages };
  }

  /** fetch from inside the page, as a web app would; returns what the page could see. */
  function pageFetch(page: Page, url: string, body: unknown, token?: string) {
    return page.evaluate(
      async ({ url, body, token }) => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify(body),
          });
          return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
        } catch (err) {
          return { failed: String(err) };
        }
      },
      { url, body, token },
    );
  }

  /** Opens the API's websocket from the page and says whether graphql-ws acknowledged the connection. */
  function pageSocket(page: Page, wsUrl: string, token: string) {
    return page.evaluate(
      ({ wsUrl, token }) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
          ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
          ws.onmessage = (e) => {
            resolve(JSON.parse(String(e.data)).type);
            ws.close();
          };
          ws.onclose = (e) => resolve(`closed ${e.code}`);
        }),
      { wsUrl, token },
    );
  }

  it('When a page on an allowed origin calls the API with fetch, Then it reads the answers, signed in or not', async () => {
    const { page } = await pageOn(allowedApp.origin);
    const anonymous = await pageFetch(page, t.server.url, { query: '{ __typename }' });
    expect(anonymous).toEqual({ status: 200, retryAfter: null, json: { data: { __typename: 'Query' } } });

    const input = newAccountInput();
    const registered = await pageFetch(page, t.server.url, { query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', variables: { input } });
    if (!('json' in registered) || !registered.json) throw new Error(`register failed in the page: ${JSON.stringify(registered)}`);
    const token = (registered.json.data as { register: { accessToken: string } }).register.accessToken;
    // A bearer token makes the request preflighted: the preflight must pass too.
    const me = await pageFetch(page, t.server.url, { query: '{ me { email } }' }, token);
    expect(me).toMatchObject({ status: 200, json: { data: { me: { email: input.email } } } });
    await page.close();
  });

  it('When a page on an origin not in CORS_ORIGINS calls the API, Then the browser refuses to hand it the answer', async () => {
    const { page, console } = await pageOn(refusedApp.origin);
    expect(await pageFetch(page, t.server.url, { query: '{ __typename }' })).toEqual({ failed: 'TypeError: Failed to fetch' });
    expect(console.join('\n')).toMatch(/blocked by CORS policy/);
    await page.close();
  });

  it('When pages open the API’s websocket, Then the allowed origin is acknowledged and the refused one never connects', async () => {
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const allowed = await pageOn(allowedApp.origin);
    expect(await pageSocket(allowed.page, t.wsUrl, token)).toBe('connection_ack');
    const refused = await pageOn(refusedApp.origin);
    expect(await pageSocket(refused.page, t.wsUrl, token)).toBe('closed 1006');
    await allowed.page.close();
    await refused.page.close();
  });

  it('When a page on an allowed origin is rate limited, Then it sees 429 and can read Retry-After', async () => {
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const { page } = await pageOn(allowedApp.origin);
    const seen = await page.evaluate(
      async ({ url, token }) => {
        for (let i = 0; i < 40; i++) {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
          const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (res.status !== 200) return { attempt: i + 1, status: res.status, retryAfter: res.headers.get('retry-after'), code: json.errors?.[0]?.extensions?.code };
        }
        return null;
      },
      { url: t.server.url, token },
    );
    expect(seen).toMatchObject({ attempt: 31, status: 429, code: 'RATE_LIMITED' });
    expect(Number(seen!.retryAfter)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  describe('The explorer', () => {
    /** Loads the explorer, recording every request that left for another origin or failed, and every error. */
    async function openExplorer(path = '') {
      const page = await browser.newPage();
      const origin = new URL(t.server.url).origin;
      const foreign: string[] = [];
      const failed: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
      });
      page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.url()}: ${r.status()}`);
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${t.server.url}${path}`);
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      return { page, foreign, failed, errors };
    }

    const editorValue = (page: Page, selector: string) =>
      page.evaluate((s) => (document.querySelector(s) as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(), selector);
    const setEditor = (page: Page, selector: string, value: string) =>
      page.evaluate(({ s, value }) => (document.querySelector(s) as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value), { s: selector, value });

    it('When a browser opens the GraphQL URL, Then GraphiQL loads from this server alone and runs { __typename }', async () => {
      const { page, foreign, failed, errors } = await openExplorer(`?query=${encodeURIComponent('{ __typename }')}`);
      await page.click('.graphiql-execute-button');
      await eventually(async () => (await editorValue(page, '.result-window .CodeMirror')).includes('"__typename": "Query"'), 10_000);
      expect({ foreign, failed, errors }).toEqual({ foreign: [], failed: [], errors: [] });
      await page.close();
    });

    it('When a subscription is run with a token in the Headers tab, Then it streams over graphql-ws', async () => {
      const input = newAccountInput();
      await t.http.ok(RegisterDocument, { input });
      const credentials = { email: input.email, password: input.password };
      const explorerSession = (await t.http.ok(LoginDocument, { input: credentials })).login.accessToken;
      const otherDevice = (await t.http.ok(LoginDocument, { input: credentials })).login.accessToken;

      const { page, foreign, failed, errors } = await openExplorer(`?query=${encodeURIComponent('subscription { accountEvents { type reason } }')}`);
      await page.getByRole('button', { name: 'Headers' }).click();
      await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${explorerSession}` }));
      await page.click('.graphiql-execute-button');
      await eventually(async () => (await t.app.services.metrics.openSubscriptions.get()).values[0]!.value > 0, 10_000);

      // Signing out on another device is announced to this account's devices.
      await t.http.ok(LogoutDocument, undefined, otherDevice);
      await eventually(async () => (await editorValue(page, '.result-window .CodeMirror')).includes('"type": "SESSION_REVOKED"'), 10_000);
      expect({ foreign, failed, errors }).toEqual({ foreign: [], failed: [], errors: [] });
      await page.close();
    });
  });
});

if (!CHROMIUM_PATH) {
  it.skip('Browser suite (no Chromium: apt-get install -y chromium)', () => undefined);
}
