import WebSocket from 'ws';
import { MeDocument, RegisterDocument } from '../graphql/generated/graphql';
import { userWithChat } from './support/chat-helpers';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { wsClient } from './support/ws-client';

let t: TestApp;
let token: string;
let bystander: string;
beforeAll(async () => {
  t = await startTestApp({ WS_MAX_CONNECTIONS_PER_USER: '3', WS_MAX_SUBSCRIPTIONS_PER_USER: '4' });
  token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  bystander = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
});
afterAll(() => t.close());

type Errors = { extensions?: { code?: unknown } }[] | undefined | readonly unknown[];
const codes = (errors: Errors) => ((errors ?? []) as { extensions?: { code?: unknown } }[]).map((e) => e.extensions?.code);

const costly = `{ chatSessions(first: 50) { nodes { id } } ${Array.from({ length: 14 }, (_, i) => `m${i}: memories(first: 100) { nodes { id text validFrom validTo sourceMessageIds } }`).join(' ')} }`;
const directives = `{ me { id ${'@include(if: true) '.repeat(60)} } }`;
const fragmentCycle = '{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }';

/** Documents that must be refused before anything runs, with the code each earns. */
const corpus: [string, string, string][] = [ // label, expected code, document
  ['deep nesting', 'QUERY_TOO_DEEP', '{ me { a { b { c { d { e { f { g } } } } } } } }'],
  ['an alias flood', 'TOO_MANY_ALIASES', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`],
  ['a directive flood', 'TOO_MANY_DIRECTIVES', directives],
  ['a query whose lists multiply past the cost limit', 'QUERY_TOO_COSTLY', costly],
  ['a fragment cycle', 'GRAPHQL_VALIDATION_FAILED', fragmentCycle],
  ['a token flood', 'GRAPHQL_PARSE_FAILED', `{ me { ${'id '.repeat(1200)} } }`],
];

describe('Abuse corpus over HTTP', () => {
  it.each(corpus)('When a request carries %s, Then it is refused with %s and nothing runs', async (_label, code, query) => {
    const result = await t.http.raw({ query }, token);
    expect(codes(result.errors)).toContain(code);
    expect(result.data ?? null).toBeNull();
  });

  it('When inputs are oversized, malformed or odd, Then each gets a clear error code and no internal error', async () => {
    const { token: owner, sessionId } = await userWithChat(t);
    const cases: [string, unknown, string][] = [
      ['a huge string', { query: 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { replyId } }', variables: { i: { sessionId, content: 'x'.repeat(50_000), clientMessageId: 'x' } } }, 'VALIDATION_FAILED'],
      ['a huge list', { query: 'mutation($i: CreatePersonaInput!) { createPersona(input: $i) { persona { id } } }', variables: { i: { kind: 'PARTNER', name: 'L', interests: Array.from({ length: 5000 }, (_, n) => `i${n}`) } } }, 'VALIDATION_FAILED'],
      ['a malformed id', { query: '{ chatSession(id: "../../etc/passwd") { id } }' }, 'VALIDATION_FAILED'],
      ['a malformed message id', { query: 'mutation { regenerateReply(input: { messageId: "1 OR 1=1" }) { message { id } } }' }, 'VALIDATION_FAILED'],
      ['a page size beyond the cap', { query: '{ chatSessions(first: 1000000) { totalCount } }' }, 'VALIDATION_FAILED'],
      ['a forged cursor', { query: '{ chatMessages(sessionId: "00000000-0000-4000-8000-000000000000", last: 5, before: "Wy01XQ") { pageInfo { hasPreviousPage } } }' }, 'VALIDATION_FAILED'],
      ['an unknown field (no schema hints needed)', { query: '{ mee { id } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [label, body, code] of cases) {
      const result = await t.http.raw(body, owner);
      expect({ label, codes: codes(result.errors) }).toEqual({ label, codes: expect.arrayContaining([code]) });
    }
    // Unicode oddities are stored or refused cleanly, never an internal error.
    for (const content of ['\u0000\u0000', '\uD800 lone surrogate', '\u202Eevil RTL\u202C', 'e\u0301'.repeat(500), '👩‍❤️‍👨'.repeat(300)]) {
      const result = await t.http.raw(
        { query: 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { replyId } }', variables: { i: { sessionId, content, clientMessageId: `u-${content.length}` } } },
        owner,
      );
      expect({ content: content.slice(0, 12), codes: codes(result.errors) }).not.toEqual(expect.objectContaining({ codes: ['INTERNAL'] }));
    }
  });

  it('When a batch of mutations is posted as an array, Then it is refused', async () => {
    const batch = Array.from({ length: 20 }, () => ({ query: 'mutation { logout { endedSessionId } }' }));
    const result = await t.http.raw(batch, token);
    expect(result.status).toBe(400);
  });

  it('When the body is larger than the limit, Then 413 PAYLOAD_TOO_LARGE', async () => {
    const result = await t.http.raw({ query: '{ me { id } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }, token);
    expect(result.status).toBe(413);
    expect(codes(result.errors)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('When a cross-site form posts text/plain or a GET runs without a preflight header, Then CSRF prevention refuses it', async () => {
    const form = await fetch(t.baseUrl + '/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(form.status).toBe(400);
    const get = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const withPreflight = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(withPreflight.status).toBe(200);
  });

  it('When all of this happens, Then another user is served as usual', async () => {
    await Promise.all(corpus.map(([, , query]) => t.http.raw({ query }, token)));
    const me = await t.http.request(MeDocument, {}, bystander);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.id).toBeTruthy();
  });
});

describe('Abuse corpus over websockets', () => {
  async function subscribeErrors(query: string, as = token): Promise<unknown[]> {
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${as}` });
    try {
      return await new Promise((resolve) => {
        client.subscribe({ query }, { next: () => undefined, error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve([]) });
      });
    } finally {
      await client.dispose();
    }
  }

  it.each(corpus.filter(([label]) => label !== 'a query whose lists multiply past the cost limit'))('When a subscription carries %s, Then it is refused with %s', async (_label, code, query) => {
    const subscription = query.startsWith('{') ? `subscription ${query.replace(/\bme\b/g, 'accountEvents').replace(/on User/g, 'on AccountEvent').replace(/\{ id/g, '{ type')}` : query;
    expect(codes(await subscribeErrors(subscription))).toContain(code);
  });

  it('When a socket never sends connection_init, Then the server closes it within about 3 s', async () => {
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws');
    const started = Date.now();
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
    // The server waits its 3 s init timeout, not less; the upper bound only catches a socket left
    // open, with room for a loaded CI machine (speed belongs in bench/, not here).
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('When one user opens more sockets or subscriptions than allowed, Then the extra ones are refused and others are unaffected', async () => {
    const sockets = Array.from({ length: 4 }, () => wsClient(t.wsUrl, { authorization: `Bearer ${token}` }));
    const results = await Promise.all(
      sockets.map(
        ({ client }) =>
          new Promise<'open' | 'refused'>((resolve) => {
            client.on('connected', () => resolve('open'));
            client.on('closed', () => resolve('refused'));
            client.subscribe({ query: 'subscription { accountEvents { type } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
          }),
      ),
    );
    expect(results.filter((r) => r === 'open')).toHaveLength(3);
    expect(sockets.flatMap((s) => s.closes.map((c) => c.code))).toContain(4429);
    // Subscriptions: 3 are open (one per socket); the 4th fits, the 5th does not.
    const open = sockets.find((s) => s.closes.length === 0)!.client;
    const fourth = await new Promise<unknown[]>((resolve) => {
      open.subscribe({ query: 'subscription { accountEvents { type } }' }, { next: () => undefined, error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve([]) });
      setTimeout(() => resolve([]), 500);
    });
    expect(fourth).toEqual([]);
    const fifth = await new Promise<unknown[]>((resolve) => {
      open.subscribe({ query: 'subscription { accountEvents { type } }' }, { next: () => undefined, error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve([]) });
    });
    expect(codes(fifth)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    expect(codes(await subscribeErrors(`subscription { accountEvents { type ${'@include(if: true) '.repeat(60)} } }`, bystander))).toContain('TOO_MANY_DIRECTIVES');
    await Promise.all(sockets.map((s) => s.client.dispose()));
  });
});

describe('In production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => prod.close());

  it('When a client introspects or misspells a field, Then introspection is refused and no schema hints are given, over HTTP and websockets', async () => {
    const introspection = await prod.http.raw({ query: '{ __schema { types { name } } }' });
    expect(introspection.data ?? null).toBeNull();
    expect(codes(introspection.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    const typo = await prod.http.raw<unknown>({ query: '{ mee { id } }' });
    expect(codes(typo.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.errors)).not.toMatch(/did you mean/i);

    const user = (await prod.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const { client } = wsClient(prod.wsUrl, { authorization: `Bearer ${user}` });
    const errors = await new Promise<unknown[]>((resolve) => {
      client.subscribe({ query: 'subscription { accountEvent { type } }' }, { next: () => undefined, error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve([]) });
    });
    await client.dispose();
    expect(codes(errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(errors)).not.toMatch(/did you mean/i);
  });
});
