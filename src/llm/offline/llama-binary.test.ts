import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LlamaBinaryUnavailableError, llamaBinaryFor, requireLlamaBinary } from './llama-binary';
import { OfflineModelError } from './offline-model-error';

describe('the prebuilt llama.cpp for this platform', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'llama-binary-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A node_modules tree holding just these packages (empty but for package.json), as npm would lay it out. */
  const installed = (...names: string[]) => {
    for (const name of names) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name }));
    }
    const fromDir = join(root, 'dist', 'src', 'llm', 'offline');
    mkdirSync(fromDir, { recursive: true });
    return fromDir;
  };

  const failure = (run: () => void): LlamaBinaryUnavailableError => {
    try {
      run();
    } catch (error) {
      if (error instanceof LlamaBinaryUnavailableError) return error;
      throw error;
    }
    throw new Error('expected LlamaBinaryUnavailableError');
  };

  it('is the CPU build, except on Apple Silicon whose only prebuilt build is Metal', () => {
    expect(llamaBinaryFor('linux', 'x64')).toEqual({ packageName: '@node-llama-cpp/linux-x64', gpu: false });
    expect(llamaBinaryFor('linux', 'arm')).toEqual({ packageName: '@node-llama-cpp/linux-armv7l', gpu: false });
    expect(llamaBinaryFor('win32', 'x64')).toEqual({ packageName: '@node-llama-cpp/win-x64', gpu: false });
    expect(llamaBinaryFor('darwin', 'arm64')).toEqual({ packageName: '@node-llama-cpp/mac-arm64-metal', gpu: 'metal' });
    expect(llamaBinaryFor('freebsd', 'x64')).toBeUndefined();
  });

  it('is found when node-llama-cpp and the build for the platform are installed', () => {
    const fromDir = installed('node-llama-cpp', '@node-llama-cpp/mac-arm64-metal');
    expect(requireLlamaBinary({ platform: 'darwin', arch: 'arm64', fromDir })).toEqual({ packageName: '@node-llama-cpp/mac-arm64-metal', gpu: 'metal' });
  });

  it('is found on this machine, whose install the test suite itself runs on', () => {
    expect(() => requireLlamaBinary()).not.toThrow();
  });

  it('Given a platform with no prebuilt build, Then a typed offline-model error names the platform and the alternatives', () => {
    const fromDir = installed('node-llama-cpp');
    const error = failure(() => requireLlamaBinary({ platform: 'freebsd', arch: 'x64', fromDir }));
    expect(error).toBeInstanceOf(OfflineModelError);
    expect(error.platform).toBe('freebsd-x64');
    expect(error.message).toContain('There is no prebuilt llama.cpp for freebsd-x64, so the offline model cannot run here');
    expect(error.message).toContain('Alternatives: set LLM_API_KEY');
  });

  it('Given Linux with musl libc (Alpine), Then the error says the builds need glibc', () => {
    const fromDir = installed('node-llama-cpp', '@node-llama-cpp/linux-x64');
    const error = failure(() => requireLlamaBinary({ platform: 'linux', arch: 'x64', glibc: false, fromDir }));
    expect(error.message).toContain('There is no prebuilt llama.cpp for linux-x64 with musl libc');
    expect(error.message).toContain('Linux with glibc only');
  });

  it('Given the build for the platform is missing (optional dependencies omitted), Then the error names the package and npm ci', () => {
    const fromDir = installed('node-llama-cpp', '@node-llama-cpp/linux-x64');
    const error = failure(() => requireLlamaBinary({ platform: 'linux', arch: 'arm64', glibc: true, fromDir }));
    expect(error.message).toContain('The prebuilt llama.cpp for linux-arm64 (@node-llama-cpp/linux-arm64) is not installed.');
    expect(error.message).toContain('What to do: reinstall the dependencies with `npm ci` without --omit=optional');
  });

  it('Given node-llama-cpp itself is not installed, Then the error says so', () => {
    const fromDir = installed();
    const error = failure(() => requireLlamaBinary({ platform: 'win32', arch: 'x64', fromDir }));
    expect(error.message).toContain('The prebuilt llama.cpp for win32-x64 (node-llama-cpp) is not installed.');
  });
});
