import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInstalledPackage } from './installed-package';

describe('findInstalledPackage', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'installed-package-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const install = (dir: string, name: string) => {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, exports: { '.': { import: './index.js' } } }));
    return join(dir, 'node_modules', name);
  };

  it('finds a scoped package in a node_modules above the folder, whatever its exports allow', () => {
    const packageDir = install(root, '@scope/linux-x64');
    const from = join(root, 'node_modules', 'parent');
    mkdirSync(from, { recursive: true });
    expect(findInstalledPackage('@scope/linux-x64', from)).toBe(packageDir);
  });

  it('prefers the copy nested under the asking package, as Node does', () => {
    install(root, 'dep');
    const parent = join(root, 'node_modules', 'parent');
    const nested = install(parent, 'dep');
    expect(findInstalledPackage('dep', parent)).toBe(nested);
  });

  it('answers undefined for a package that is not installed', () => {
    expect(findInstalledPackage('@scope/not-installed-anywhere', root)).toBeUndefined();
  });
});
