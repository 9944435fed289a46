import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsInto, sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'src', 'domain');

/**
 * What business operations must not reach: adapters (src/stores, through src/ports instead),
 * the process machinery (the chat runtime, the job runners, the servers, the composition)
 * and the GraphQL layer above them. Each entry: the folder (or module) and how a bare
 * specifier would name it.
 */
const FORBIDDEN: { target: string; project: string }[] = [
  { target: join(ROOT, 'src', 'stores'), project: 'src/stores' },
  { target: join(ROOT, 'src', 'chat-runtime'), project: 'src/chat-runtime' },
  { target: join(ROOT, 'src', 'server'), project: 'src/server' },
  { target: join(ROOT, 'src', 'jobs'), project: 'src/jobs' },
  { target: join(ROOT, 'src', 'composition-root'), project: 'src/composition-root' },
  { target: join(ROOT, 'src', 'app-services'), project: 'src/app-services' },
  // Bare 'graphql' is the npm package; only the project's own folder is forbidden.
  { target: join(ROOT, 'graphql'), project: 'soullink/graphql' },
];

const forbiddenImports = (file: string, source: string) => FORBIDDEN.flatMap(({ target, project }) => importsInto(file, source, target, project));

describe('src/domain import direction', () => {
  it('When any file under src/domain is read (tests too), Then none imports src/stores, src/chat-runtime, src/server, src/jobs, the composition or graphql/', () => {
    const files = sourceFiles(DOMAIN);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} → ${spec}`));
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
    expect(forbiddenImports(file, source)).toEqual([
      '../../stores/postgres/sql-executor',
      '../../stores/postgres/sql-executor',
      '../../stores/encryption/field-cipher',
      '../../stores/chats/postgres-chat-store',
      '../../stores/redis/redis-connection',
      'soullink/src/stores/encryption/field-cipher',
      '../../stores',
    ]);
  });

  it('When a domain file imports the runtime, a server, a job, the composition or graphql/, Then the check catches it (and not the graphql package or ports)', () => {
    const file = join(DOMAIN, 'chats', 'x.ts');
    const source = [
      "import { ChatEngine } from '../../chat-runtime/chat-engine';",
      "import type { AppServices } from '../../app-services';",
      "import { createApp } from '../../composition-root';",
      "import { startWorker } from '../../jobs/worker';",
      "import { startApiServer } from '../../server/api-server';",
      "import { ChatResolver } from '../../../graphql/resolvers/chat.resolver';",
      "import { GraphQLError } from 'graphql';",
      "import type { ReplyWriter } from '../../ports/reply-writer.port';",
      "import { jobsLike } from '../../jobsish';",
    ].join('\n');
    expect(forbiddenImports(file, source).sort()).toEqual(
      [
        '../../chat-runtime/chat-engine',
        '../../app-services',
        '../../composition-root',
        '../../jobs/worker',
        '../../server/api-server',
        '../../../graphql/resolvers/chat.resolver',
      ].sort(),
    );
  });
});
