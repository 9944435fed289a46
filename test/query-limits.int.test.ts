import { RegisterDocument } from '../graphql/generated/graphql';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';
import { wsClient } from './support/ws-client';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
});
afterAll(() => t.close());

const codes = (errors: { extensions?: { code?: unknown } }[] | undefined | readonly unknown[]) =>
  ((errors ?? []) as { extensions?: { code?: unknown } }[]).map((e) => e.extensions?.code);

const deep = '{ me { a { b { c { d { e { f { g } } } } } } } }';
const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
const manyTokens = `{ me { ${Array.from({ length: 400 }, () => 'id').join(' ')} } }`;
/** 14 pages of memories sized by $n: about 100 at n = 1, over 7,000 (the limit is 5,000) at n = 100. */
const pagedByVariable = (declaration: string) =>
  `query Pages(${declaration}) { ${Array.from({ length: 14 }, (_, i) => `m${i}: memories(first: $n) { nodes { id text validFrom validTo sourceMessageIds } }`).join(' ')} }`;

describe('Query limits over HTTP', () => {
  it.each([
    ['nested deeper than the limit', deep, 'QUERY_TOO_DEEP'],
    ['with an alias flood', aliases, 'TOO_MANY_ALIASES'],
    ['with more tokens than the limit', `${manyTokens} ${manyTokens.replace('{', 'query Q {')} ${manyTokens.replace('{', 'query R {')}`, 'GRAPHQL_PARSE_FAILED'],
  ])('When a query is %s, Then it is rejected with a code and nothing runs', async (_label, query, code) => {
    const result = await t.http.raw({ query }, token);
    expect(codes(result.errors)).toContain(code);
    expect(result.data ?? null).toBeNull();
  });

  it('When a page size comes from a variable, Then the cost is priced with the value sent, not the declared default', async () => {
    const costly = await t.http.raw({ query: pagedByVariable('$n: Int = 1'), variables: { n: 100 } }, token);
    expect(codes(costly.errors)).toEqual(['QUERY_TOO_COSTLY']);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 5000/);
    expect(costly.data ?? null).toBeNull();
    const cheap = await t.http.raw({ query: pagedByVariable('$n: Int = 100'), variables: { n: 1 } }, token);
    expect(cheap.errors).toBeUndefined();
    // Not sent: the declared default is what runs, so it is what is priced.
    expect(codes((await t.http.raw({ query: pagedByVariable('$n: Int = 100') }, token)).errors)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('When a normal query is sent, Then the limits do not get in the way', async () => {
    const result = await t.http.raw<{ me: { id: string } }>({ query: '{ me { id limits { partnerPersonas } } }' }, token);
    expect(result.errors).toBeUndefined();
  });
});

describe('Query limits over websockets', () => {
  async function subscribeErrors(query: string): Promise<unknown[]> {
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      return await new Promise((resolve) => {
        client.subscribe({ query }, { next: () => undefined, error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve([]) });
      });
    } finally {
      await client.dispose();
    }
  }

  it('When a page size comes from a variable, Then the socket prices the value sent as HTTP does', async () => {
    const run = (n: number) =>
      new Promise<unknown[]>((resolve) => {
        const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
        const errors: unknown[] = [];
        client.subscribe(
          { query: pagedByVariable('$n: Int = 1'), variables: { n } },
          {
            next: (r) => errors.push(...(r.errors ?? [])),
            error: (e) => void Promise.resolve(client.dispose()).then(() => resolve(Array.isArray(e) ? e : [e])),
            complete: () => void Promise.resolve(client.dispose()).then(() => resolve(errors)),
          },
        );
      });
    expect(codes(await run(100))).toEqual(['QUERY_TOO_COSTLY']);
    expect(codes(await run(1))).toEqual([]);
  });

  it.each([
    ['nested deeper than the limit', `subscription ${deep.replace('me', 'accountEvents')}`, 'QUERY_TOO_DEEP'],
    ['with an alias flood', `subscription { ${Array.from({ length: 20 }, (_, i) => `a${i}: accountEvents { type }`).join(' ')} }`, 'TOO_MANY_ALIASES'],
    ['with more tokens than the limit', `subscription { accountEvents { ${Array.from({ length: 1200 }, () => 'type').join(' ')} } }`, 'GRAPHQL_PARSE_FAILED'],
  ])('When a subscription is %s, Then it is rejected with a code', async (_label, query, code) => {
    expect(codes(await subscribeErrors(query))).toContain(code);
  });
});
