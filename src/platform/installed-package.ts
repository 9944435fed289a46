import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The folder of package `name` as Node's module lookup finds it from `fromDir` (each
 * `node_modules` up the tree), or undefined when it is not installed. It only looks at
 * folders: it neither loads the package nor follows its `exports`, so it answers for ESM-only
 * packages and for the per-platform binary packages npm installs as optional dependencies
 * (absent on platforms they were not built for).
 */
export function findInstalledPackage(name: string, fromDir: string): string | undefined {
  const lookup = createRequire(join(fromDir, 'index.js')).resolve.paths(name) ?? [];
  for (const dir of lookup) {
    const packageDir = join(dir, name);
    if (existsSync(join(packageDir, 'package.json'))) return packageDir;
  }
  return undefined;
}
