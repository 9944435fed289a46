import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How long a browser may reuse a preflight answer, seconds. Chromium caps it at 7200 (2 h);
 * Firefox allows a day. Two hours keeps the preflight off nearly every request of a session.
 */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/** What a cross-origin page may send: JSON bodies, a bearer token, and what Apollo Client adds. */
const ALLOWED_REQUEST_HEADERS = ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-client-name', 'graphql-client-version'];
/** PUT: the study dataset upload route (src/server/study-dataset-upload.route.ts); the policy covers every route of the server. */
const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'OPTIONS'];
/** Response headers a page may read beyond the CORS-safelisted ones: the retry delay of a 429 and the request id for support. */
const EXPOSED_HEADERS = ['retry-after', 'x-request-id'];

/**
 * CORS for every route of the API (GraphQL, uploads) with an allow-list of origins
 * (CORS_ORIGINS). Credentials are off (the API authenticates with a bearer token, never a
 * cookie), so `*` is safe to offer. A refused origin gets no CORS headers at all: the browser
 * then hides the response from the page. Requests from refused origins are not themselves
 * rejected, because a browser sends `Origin` on same-origin POSTs too and non-browser clients
 * may send anything; what a foreign page could forge without a preflight carries no bearer
 * token, and Apollo's CSRF prevention refuses such GraphQL requests anyway.
 */
export class CorsPolicy {
  private readonly anyOrigin: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.anyOrigin = allowedOrigins.includes('*');
    this.origins = new Set(allowedOrigins.filter((o) => o !== '*'));
  }

  /** Whether a page on `origin` may read the API's responses and open its websocket. */
  allows(origin: string): boolean {
    return this.anyOrigin || this.origins.has(origin);
  }

  /**
   * Whether a websocket upgrade may proceed. Browsers always send `Origin` on websocket
   * handshakes and CORS does not apply to them, so this check is the only thing between a
   * foreign page and the socket. No `Origin` means no browser; a page served by this server
   * itself (the explorer) is same-origin.
   */
  allowsUpgrade(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return this.allows(origin) || isSameOrigin(req, origin);
  }

  /**
   * Adds CORS headers for an allowed origin, and answers a preflight (OPTIONS) itself.
   * Returns true when the response was sent (a preflight or a plain OPTIONS).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && this.allows(origin);
    // Caches between browser and server must keep answers for different origins apart.
    res.setHeader('vary', 'Origin');
    if (allowed) {
      res.setHeader('access-control-allow-origin', this.anyOrigin ? '*' : origin);
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
    }
    if (req.method !== 'OPTIONS') return false;
    const isPreflight = origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (isPreflight && !allowed) {
      res.writeHead(403).end();
      return true;
    }
    if (isPreflight) {
      res.setHeader('access-control-allow-methods', ALLOWED_METHODS.join(', '));
      res.setHeader('access-control-allow-headers', ALLOWED_REQUEST_HEADERS.join(', '));
      res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    res.writeHead(204, { allow: ALLOWED_METHODS.join(', ') }).end();
    return true;
  }
}

/** The page's origin is this server's own: the explorer, or any page the operator serves from this host. */
function isSameOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
