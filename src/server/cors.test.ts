import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorsPolicy, PREFLIGHT_MAX_AGE_SECONDS } from './cors';

/** A response that records what was written, as node:http's would send it. */
function recorder() {
  const headers: Record<string, string> = {};
  const sent: { status?: number } = {};
  const res = {
    setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v),
    writeHead(status: number, extra: Record<string, string> = {}) {
      sent.status = status;
      for (const [k, v] of Object.entries(extra)) headers[k.toLowerCase()] = v;
      return { end: () => undefined };
    },
  } as unknown as ServerResponse;
  return { res, headers, sent };
}
const req = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as IncomingMessage;

describe('CorsPolicy', () => {
  const policy = new CorsPolicy(['https://app.example.com']);

  it('When an allowed origin preflights, Then 204 with its origin, the methods, the headers and the cache lifetime', () => {
    const { res, headers, sent } = recorder();
    expect(policy.handle(req('OPTIONS', { origin: 'https://app.example.com', 'access-control-request-method': 'POST' }), res)).toBe(true);
    expect(sent.status).toBe(204);
    expect(headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      vary: 'Origin',
    });
    expect(headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('When another origin preflights, Then 403 and no CORS header', () => {
    const { res, headers, sent } = recorder();
    expect(policy.handle(req('OPTIONS', { origin: 'https://app.example.com.evil.net', 'access-control-request-method': 'POST' }), res)).toBe(true);
    expect(sent.status).toBe(403);
    expect(Object.keys(headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('When a POST comes from an allowed or a refused origin, Then it goes on to GraphQL, with CORS headers only for the allowed one', () => {
    const allowed = recorder();
    expect(policy.handle(req('POST', { origin: 'https://app.example.com' }), allowed.res)).toBe(false);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const refused = recorder();
    expect(policy.handle(req('POST', { origin: 'http://app.example.com' }), refused.res)).toBe(false);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('When CORS_ORIGINS is *, Then any origin is allowed with a literal *', () => {
    const { res, headers } = recorder();
    new CorsPolicy(['*']).handle(req('POST', { origin: 'https://anything.example' }), res);
    expect(headers['access-control-allow-origin']).toBe('*');
  });

  it('When a websocket upgrade has no Origin, its own origin, an allowed one or another, Then only the last is refused', () => {
    expect(policy.allowsUpgrade(req('GET', { host: '127.0.0.1:4000' }))).toBe(true);
    expect(policy.allowsUpgrade(req('GET', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }))).toBe(true);
    expect(policy.allowsUpgrade(req('GET', { host: '127.0.0.1:4000', origin: 'https://app.example.com' }))).toBe(true);
    expect(policy.allowsUpgrade(req('GET', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:5173' }))).toBe(false);
    expect(policy.allowsUpgrade(req('GET', { host: '127.0.0.1:4000', origin: 'null' }))).toBe(false);
  });
});
