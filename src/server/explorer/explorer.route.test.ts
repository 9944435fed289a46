import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { explorerRoute } from './explorer.route';

/** The route alone on a local server; anything it does not serve answers 418 so a fall-through shows. */
let server: Server;
let base: string;
beforeAll(async () => {
  const route = explorerRoute('/graphql');
  server = createServer((req, res) => {
    if (!route.handle(req, res, new URL(req.url ?? '/', 'http://localhost'))) res.writeHead(418).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('explorerRoute', () => {
  it('When a browser navigates to the endpoint, Then the page, with a CSP that allows only this origin', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await res.text()).toContain('<script src="/graphql/explorer/graphiql.min.js"></script>');
  });

  it('When a GraphQL client GETs or POSTs the endpoint, Then the route lets it through', async () => {
    expect((await fetch(`${base}/graphql?query={__typename}`, { headers: { accept: 'application/json' } })).status).toBe(418);
    expect((await fetch(`${base}/graphql`, { method: 'POST', headers: { accept: 'text/html' }, body: '{}' })).status).toBe(418);
  });

  it('When an asset is asked for with gzip, Then it comes gzipped with an ETag, and a revalidation gets 304', async () => {
    const res = await fetch(`${base}/graphql/explorer/graphiql.min.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself: the text is GraphiQL's UMD bundle, which defines the GraphiQL global.
    expect((await res.text()).slice(0, 500)).toContain('.GraphiQL=');
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${base}/graphql/explorer/graphiql.min.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('When an unknown file under the explorer path is asked for, Then 404, never a file outside the list', async () => {
    expect((await fetch(`${base}/graphql/explorer/package.json`)).status).toBe(404);
    expect((await fetch(`${base}/graphql/explorer/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/graphql/explorer/__proto__`)).status).toBe(404);
  });
});
