import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXPLORER_BOOTSTRAP_JS, EXPLORER_CSS } from './explorer-bootstrap';

export interface ExplorerAsset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
  /** Changes when the file does: lets a browser revalidate with one small request. */
  etag: string;
}

/**
 * Files the explorer page loads, all from this server: GraphiQL's prebuilt browser bundle
 * (the UMD build the `graphiql` npm package ships) on React 18's UMD builds (React 19 ships
 * none), plus SoulLink's own bootstrap script. Nothing comes from a CDN.
 */
const PACKAGE_FILES: Record<string, { pkg: string; file: string; contentType: string }> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
};
const OWN_FILES: Record<string, { text: string; contentType: string }> = {
  'explorer.js': { text: EXPLORER_BOOTSTRAP_JS, contentType: 'text/javascript; charset=utf-8' },
  'explorer.css': { text: EXPLORER_CSS, contentType: 'text/css; charset=utf-8' },
};

/** Asset names in the order the page loads them. */
export const EXPLORER_SCRIPTS = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'explorer.js'] as const;
export const EXPLORER_STYLESHEETS = ['graphiql.min.css', 'explorer.css'] as const;

/**
 * Reads each asset on its first request and keeps it (about 1.7 MB, 0.4 MB gzipped): the
 * page is a development tool, so the cost is paid only by a process that serves it.
 */
export class ExplorerAssets {
  private readonly cache = new Map<string, ExplorerAsset>();
  private readonly require = createRequire(__filename);

  get(name: string): ExplorerAsset | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const asset = this.load(name);
    if (asset) this.cache.set(name, asset);
    return asset;
  }

  private load(name: string): ExplorerAsset | undefined {
    const own = Object.hasOwn(OWN_FILES, name) ? OWN_FILES[name] : undefined;
    if (own) return asset(Buffer.from(own.text, 'utf8'), own.contentType);
    const spec = Object.hasOwn(PACKAGE_FILES, name) ? PACKAGE_FILES[name] : undefined;
    if (!spec) return undefined;
    // Resolved from package.json: these packages' export maps do not list their browser bundles.
    const root = dirname(this.require.resolve(`${spec.pkg}/package.json`));
    return asset(readFileSync(join(root, spec.file)), spec.contentType);
  }
}

function asset(body: Buffer, contentType: string): ExplorerAsset {
  return { contentType, body, gzipped: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
