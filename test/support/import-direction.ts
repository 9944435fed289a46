import { readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Every JavaScript/TypeScript source under `dir` (tests included, declaration files not). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The specifiers of `source` (the text of `file`) that reach `target`, a folder of the
 * project such as `<root>/src/domain`: static imports and re-exports, `import type`,
 * `require()` and dynamic `import()`, as TypeScript's own pre-parser reads them (comments and
 * strings are not imports). Relative specifiers are resolved against the file; bare ones are
 * matched by the folder's path from the root (`project`, e.g. `src/domain`).
 */
export function importsInto(file: string, source: string, target: string, project: string): string[] {
  const bare = new RegExp(`(^|/)${project.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/|$)`);
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => {
      if (!spec.startsWith('.')) return bare.test(spec);
      const resolved = resolve(dirname(file), spec);
      return resolved === target || resolved.startsWith(target + sep);
    });
}
