import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const AGENTS = join(ROOT, 'agents');
const DOMAIN = join(ROOT, 'src', 'domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The specifiers of `source` that reach src/domain: static imports and re-exports,
 * `import type`, `require()` and dynamic `import()`, as TypeScript's own pre-parser reads
 * them (so comments and strings are not mistaken for imports). Relative specifiers are
 * resolved against the file; bare ones are checked by name.
 */
export function domainImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        return target === DOMAIN || target.startsWith(DOMAIN + sep);
      }
      return /(^|\/)src\/domain(\/|$)/.test(spec);
    });
}

describe('agents/ import direction', () => {
  it('When any file under agents/ is read, Then none imports src/domain (agents depend on ports, src/llm and the kernel only)', () => {
    const files = sourceFiles(AGENTS);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => domainImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('When a file imports the domain in any form, Then the check catches it (and ignores comments and the kernel)', () => {
    const file = join(AGENTS, 'simulation', 'episode', 'x.ts');
    const source = [
      "import { a } from '../../../src/domain/errors';",
      "import type { B } from '../../../src/domain/personas/persona.entity';",
      "export { c } from '../../../src/domain/simulations/report/compatibility-report';",
      "const d = require('../../../src/domain/tiers');",
      "const e = await import('../../../src/domain/accounts/user.entity');",
      "import { f } from 'soullink/src/domain/errors';",
      "// import { g } from '../../../src/domain/errors';",
      "import { h } from '../../../src/kernel/errors';",
      "import { i } from '../../../src/domainish';",
    ].join('\n');
    expect(domainImports(file, source)).toEqual([
      '../../../src/domain/errors',
      '../../../src/domain/personas/persona.entity',
      '../../../src/domain/simulations/report/compatibility-report',
      '../../../src/domain/tiers',
      '../../../src/domain/accounts/user.entity',
      'soullink/src/domain/errors',
    ]);
  });
});
