import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Tracer } from '../ports/tracer.port';

/** Probes scraped every few seconds: tracing them would bury the requests worth seeing. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Wraps an HTTP handler (one that never rejects) in a server span: method, path (never the
 * query string, which may carry a token), status and request id (the `requestId` of the log
 * lines). Spans started while the handler runs (the GraphQL operation, model calls) are its
 * children.
 */
export function traceHttp(tracer: Tracer, graphqlPath: string, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!tracer.enabled) {
      void handler(req, res);
      return;
    }
    // Split, not parsed: a malformed URL is the handler's to refuse, not a throw in this listener.
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 200);
    if (UNTRACED.has(path)) {
      void handler(req, res);
      return;
    }
    const method = req.method ?? 'GET';
    const attributes = { 'http.request.method': method, 'url.path': path };
    // Other paths carry ids (uploads): the span name stays low-cardinality, the path is an attribute.
    const name = path === graphqlPath ? `${method} ${graphqlPath}` : method;
    void tracer.inSpan(name, { kind: 'server', attributes }, async (span) => {
      await handler(req, res);
      // The handler chose the request id (the client's x-request-id when sane) and echoed it.
      span.setAttributes({ 'http.response.status_code': res.statusCode, 'soullink.request_id': String(res.getHeader('x-request-id') ?? '') });
      if (res.statusCode >= 500) span.fail(String(res.statusCode));
    });
  };
}
