import { findInstalledPackage } from '../../platform/installed-package';
import { OfflineModelError } from './offline-model-error';

/** The prebuilt llama.cpp SoulLink loads on one platform, and the `gpu` option that makes node-llama-cpp pick it. */
export interface LlamaBinary {
  /** node-llama-cpp's platform package holding it (an optional dependency npm installs where it fits). */
  packageName: string;
  gpu: false | 'metal';
}

/**
 * node-llama-cpp's prebuilt builds SoulLink uses, per platform and CPU (its
 * compileLLamaCpp.js picks the package from the `gpu` option). Never the CUDA or Vulkan
 * ones: the offline model is small enough for the CPU, and probing GPUs is slow and fragile.
 * On Apple Silicon the only prebuilt build is the Metal one.
 */
const PREBUILT: Readonly<Record<string, Readonly<Record<string, LlamaBinary>>>> = {
  darwin: {
    arm64: { packageName: '@node-llama-cpp/mac-arm64-metal', gpu: 'metal' },
    x64: { packageName: '@node-llama-cpp/mac-x64', gpu: false },
  },
  linux: {
    x64: { packageName: '@node-llama-cpp/linux-x64', gpu: false },
    arm64: { packageName: '@node-llama-cpp/linux-arm64', gpu: false },
    arm: { packageName: '@node-llama-cpp/linux-armv7l', gpu: false },
    riscv64: { packageName: '@node-llama-cpp/linux-riscv64', gpu: false },
  },
  win32: {
    x64: { packageName: '@node-llama-cpp/win-x64', gpu: false },
    arm64: { packageName: '@node-llama-cpp/win-arm64', gpu: false },
  },
};

const ALTERNATIVES =
  'set LLM_API_KEY (and LLM_BASE_URL) for a hosted OpenAI-compatible model, or point LLM_BASE_URL at a llama.cpp / Ollama server.';

/** The offline model cannot run here: node-llama-cpp has no prebuilt llama.cpp for this platform, or it is not installed. */
export class LlamaBinaryUnavailableError extends OfflineModelError {
  constructor(
    /** `process.platform-process.arch`, e.g. `freebsd-x64`. */
    readonly platform: string,
    problem: string,
    remedy: string,
  ) {
    super(problem, remedy, { alternatives: ALTERNATIVES });
    this.name = 'LlamaBinaryUnavailableError';
  }
}

/** The prebuilt llama.cpp for `platform`/`arch`; undefined where node-llama-cpp ships none. */
export function llamaBinaryFor(platform: string, arch: string): LlamaBinary | undefined {
  return PREBUILT[platform]?.[arch];
}

/**
 * The prebuilt llama.cpp for this machine, checked to be installed: throws
 * LlamaBinaryUnavailableError (naming the platform and what to do) before anything is
 * downloaded or loaded. `fromDir` is where the lookup starts (this module's folder; tests
 * point it at a fixture tree); `glibc` is false on musl systems such as Alpine.
 */
export function requireLlamaBinary(options: { platform?: string; arch?: string; glibc?: boolean; fromDir?: string } = {}): LlamaBinary {
  const { platform = process.platform, arch = process.arch, fromDir = __dirname } = options;
  const target = `${platform}-${arch}`;
  const binary = llamaBinaryFor(platform, arch);
  // node-llama-cpp's Linux builds link against glibc; npm skips them on musl.
  const glibc = platform !== 'linux' || (options.glibc ?? hasGlibc());
  if (!binary || !glibc) {
    const supported = Object.entries(PREBUILT).flatMap(([os, cpus]) => Object.keys(cpus).map((cpu) => `${os}-${cpu}`));
    throw new LlamaBinaryUnavailableError(
      target,
      `There is no prebuilt llama.cpp for ${target}${binary ? ' with musl libc' : ''}, so the offline model cannot run here (node-llama-cpp ships ${supported.join(', ')}${platform === 'linux' ? ', Linux with glibc only' : ''}).`,
      'use a hosted or self-hosted model instead (see Alternatives); SoulLink never compiles llama.cpp on install.',
    );
  }
  const nodeLlamaCpp = findInstalledPackage('node-llama-cpp', fromDir);
  if (!nodeLlamaCpp || !findInstalledPackage(binary.packageName, nodeLlamaCpp)) {
    throw new LlamaBinaryUnavailableError(
      target,
      `The prebuilt llama.cpp for ${target} (${nodeLlamaCpp ? binary.packageName : 'node-llama-cpp'}) is not installed.`,
      `reinstall the dependencies with \`npm ci\` without --omit=optional: npm installs the build for this platform as an optional dependency of node-llama-cpp.`,
    );
  }
  return binary;
}

function hasGlibc(): boolean {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return Boolean(report?.header?.glibcVersionRuntime);
}
