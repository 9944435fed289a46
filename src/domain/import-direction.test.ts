import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'src', 'domain');
const STORES = join(ROOT, 'src', 'stores');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The specifiers of `source` that reach src/stores: static imports and re-exports,
 * `import type`, `require()` and dynamic `import()`, as TypeScript's own pre-parser reads
 * them (comments and strings are not imports). Relative specifiers are resolved against the
 * file; bare ones are checked by name.
 */
export function storeImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        return target === STORES || target.startsWith(STORES + sep);
      }
      return /(^|\/)src\/stores(\/|$)/.test(spec);
    });
}

describe('src/domain import direction', () => {
  it('When any file under src/domain is read (tests too), Then none imports src/stores (the domain reaches stores through src/ports)', () => {
    const files = sourceFiles(DOMAIN);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => storeImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('When a domain file imports a store in any form, Then the check catches it (and ignores comments, ports and look-alike names)', () => {
    const file = join(DOMAIN, 'chats', 'x.ts');
    const source = [
      "import { a } from '../../stores/postgres/sql-executor';",
      "import type { B } from '../../stores/postgres/sql-executor';",
      "export { c } from '../../stores/encryption/field-cipher';",
      "const d = require('../../stores/chats/postgres-chat-store');",
      "const e = await import('../../stores/redis/redis-connection');",
      "import { f } from 'soullink/src/stores/encryption/field-cipher';",
      "import { g } from '../../stores';",
      "// import { h } from '../../stores/postgres/sql-executor';",
      "import { i } from '../../ports/chat-store.port';",
      "import { j } from '../../storesque';",
      "import { k } from '../stores/local-file';",
    ].join('\n');
    expect(storeImports(file, source)).toEqual([
      '../../stores/postgres/sql-executor',
      '../../stores/postgres/sql-executor',
      '../../stores/encryption/field-cipher',
      '../../stores/chats/postgres-chat-store',
      '../../stores/redis/redis-connection',
      'soullink/src/stores/encryption/field-cipher',
      '../../stores',
    ]);
  });
});
