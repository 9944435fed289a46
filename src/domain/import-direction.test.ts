import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsInto, sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'src', 'domain');
const STORES = join(ROOT, 'src', 'stores');

const storeImports = (file: string, source: string) => importsInto(file, source, STORES, 'src/stores');

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
