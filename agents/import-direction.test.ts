import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsInto, sourceFiles } from '../test/support/import-direction';

const ROOT = resolve(__dirname, '..');
const AGENTS = join(ROOT, 'agents');
const DOMAIN = join(ROOT, 'src', 'domain');

const domainImports = (file: string, source: string) => importsInto(file, source, DOMAIN, 'src/domain');

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
