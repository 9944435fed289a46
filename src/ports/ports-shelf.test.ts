import { relative, resolve } from 'node:path';
import { sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');

/** Ports not yet on the shelf, each with why (none now). */
const NOT_YET_MOVED: string[] = [];

describe('ports on one shelf', () => {
  it('When the project is searched for port interfaces (*.port.ts), Then they all live in src/ports', () => {
    const ports = ['src', 'agents', 'graphql']
      .flatMap((dir) => sourceFiles(resolve(ROOT, dir)))
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .filter((file) => file.endsWith('.port.ts'));
    expect(ports.filter((file) => !file.startsWith('src/ports/') && !NOT_YET_MOVED.includes(file))).toEqual([]);
    expect(ports.filter((file) => file.startsWith('src/ports/')).length).toBeGreaterThan(20);
  });
});
