import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPLORER_SCRIPTS, EXPLORER_STYLESHEETS, ExplorerAssets } from './explorer-assets';

/**
 * Only this server's own files, scripts from files (no inline script, no eval), and
 * connections back to this server over HTTP and websockets: the page works offline, and a
 * CDN reference slipping in would fail loudly in the browser instead of phoning home.
 * GraphiQL's bundle embeds its fonts and icons as data: URLs and sets inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A navigation from a browser (Accept: text/html), as opposed to a GraphQL GET from a client. */
export function wantsHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const accept = req.headers.accept ?? '';
  return /\btext\/html\b/.test(accept);
}

/**
 * The self-hosted GraphiQL explorer: its page on a browser's GET of the GraphQL path, its
 * files under `<graphqlPath>/explorer/`. Registered only when GRAPHQL_EXPLORER is on.
 */
export function explorerRoute(graphqlPath: string) {
  const assetPrefix = `${graphqlPath}/explorer/`;
  const assets = new ExplorerAssets();
  const page = renderPage(graphqlPath, assetPrefix);

  return {
    /** Serves the page (a browser navigating to the endpoint) or an asset; false when the request is neither. */
    handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
      if (url.pathname === graphqlPath) {
        if (!wantsHtml(req)) return false;
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        });
        res.end(page);
        return true;
      }
      if (!url.pathname.startsWith(assetPrefix)) return false;
      const asset = req.method === 'GET' || req.method === 'HEAD' ? assets.get(url.pathname.slice(assetPrefix.length)) : undefined;
      if (!asset) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
        return true;
      }
      const headers: Record<string, string> = {
        'content-type': asset.contentType,
        'cache-control': 'no-cache',
        etag: asset.etag,
        vary: 'Accept-Encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === asset.etag) {
        res.writeHead(304, headers).end();
        return true;
      }
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? asset.gzipped : asset.body;
      res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}

function renderPage(graphqlPath: string, assetPrefix: string): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const styles = EXPLORER_STYLESHEETS.map((name) => `  <link rel="stylesheet" href="${attr(assetPrefix + name)}">`).join('\n');
  const scripts = EXPLORER_SCRIPTS.map((name) => `  <script src="${attr(assetPrefix + name)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SoulLink GraphQL explorer</title>
  <link rel="icon" href="data:,">
${styles}
</head>
<body>
  <div id="graphiql" data-endpoint="${attr(graphqlPath)}">Loading the explorer…</div>
${scripts}
</body>
</html>
`;
}
