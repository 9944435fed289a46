import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsInto, sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');
const STORES = join(ROOT, 'src', 'stores');
const DOMAIN = join(ROOT, 'src', 'domain');

/**
 * Adapters implement ports; they never call business operations. The one thing of the domain
 * they may name is a MikroORM entity (`*.entity`), the mapping of a table they write.
 */
const domainImports = (file: string, source: string) => importsInto(file, source, DOMAIN, 'src/domain').filter((spec) => !/\.entity(\.js)?$/.test(spec));

/** Nor do adapters reach up into the process machinery or the API. */
const UPWARD = [
  { target: join(ROOT, 'src', 'chat-runtime'), project: 'src/chat-runtime' },
  { target: join(ROOT, 'src', 'server'), project: 'src/server' },
  { target: join(ROOT, 'src', 'jobs'), project: 'src/jobs' },
  { target: join(ROOT, 'src', 'composition-root'), project: 'src/composition-root' },
  { target: join(ROOT, 'graphql'), project: 'soullink/graphql' },
];
const upwardImports = (file: string, source: string) => UPWARD.flatMap(({ target, project }) => importsInto(file, source, target, project));

describe('src/stores import direction', () => {
  it('When any file under src/stores is read (tests too), Then none imports a domain operation (entities only), the runtime, a server, a job or graphql/', () => {
    const files = sourceFiles(STORES);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...domainImports(file, source), ...upwardImports(file, source)].map((spec) => `${relative(ROOT, file)} → ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it('When a store imports the domain, Then operations and errors are caught and entity files pass', () => {
    const file = join(STORES, 'chats', 'x.ts');
    const source = [
      "import { ChatSession } from '../../domain/chats/chat-session.entity';",
      "import { sendChatMessage } from '../../domain/chats/send-chat-message';",
      "import { QuotaExceededError } from '../../domain/errors';",
      "import { QuotaExceededError as Q } from '../../kernel/errors';",
      "import { ChatEngine } from '../../chat-runtime/chat-engine';",
    ].join('\n');
    expect([...domainImports(file, source), ...upwardImports(file, source)]).toEqual([
      '../../domain/chats/send-chat-message',
      '../../domain/errors',
      '../../chat-runtime/chat-engine',
    ]);
  });
});
