import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsInto, sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');
const RUNTIME = join(ROOT, 'src', 'chat-runtime');

/**
 * The chat runtime sits between the composition and the domain: it uses business rules
 * (src/domain) and ports, never adapters (it is handed them) nor what runs above it.
 */
const FORBIDDEN = [
  { target: join(ROOT, 'src', 'stores'), project: 'src/stores' },
  { target: join(ROOT, 'src', 'server'), project: 'src/server' },
  { target: join(ROOT, 'src', 'jobs'), project: 'src/jobs' },
  { target: join(ROOT, 'src', 'composition-root'), project: 'src/composition-root' },
  { target: join(ROOT, 'src', 'app-services'), project: 'src/app-services' },
  { target: join(ROOT, 'graphql'), project: 'soullink/graphql' },
];

describe('src/chat-runtime import direction', () => {
  it('When any file under src/chat-runtime is read, Then none imports a store, a server, a job, the composition or graphql/', () => {
    const files = sourceFiles(RUNTIME);
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return FORBIDDEN.flatMap(({ target, project }) => importsInto(file, source, target, project)).map((spec) => `${relative(ROOT, file)} → ${spec}`);
    });
    expect(offenders).toEqual([]);
  });
});
