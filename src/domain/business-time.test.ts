import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { sourceFiles } from '../../test/support/import-direction';

const ROOT = resolve(__dirname, '..', '..');
const DOMAIN = join(ROOT, 'src', 'domain');

/**
 * Where `source` reads the wall clock itself: `Date.now()`, `new Date()` with no arguments,
 * or `Date()` called bare (each line once, as `line: text`). Read from the syntax tree, so
 * comments and strings do not count, and `new Date(x)` (a given moment) is fine.
 */
export function wallClockReads(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isDate = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'Date';
  const visit = (node: ts.Node) => {
    const readsNow =
      (ts.isNewExpression(node) && isDate(node.expression) && (node.arguments?.length ?? 0) === 0) ||
      (ts.isCallExpression(node) && isDate(node.expression)) ||
      (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isDate(node.expression.expression) && node.expression.name.text === 'now');
    if (readsNow) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Entities' property initialisers (`createdAt = new Date()`) are MikroORM's defaults for a
 * new row and stay; tests may read the clock they run on.
 */
const isChecked = (file: string) => !/\.(entity|test)\.ts$/.test(file);

describe('business time in src/domain', () => {
  it('When every operation under src/domain is read (entities and tests aside), Then none reads the wall clock: the time comes from the injected Clock', () => {
    const files = sourceFiles(DOMAIN).filter(isChecked);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => wallClockReads(file, readFileSync(file, 'utf8')).map((read) => `${relative(ROOT, file)}:${read}`));
    expect(offenders).toEqual([]);
  });

  it('When a file reads the wall clock in any form, Then the check catches it (and not comments, strings, given moments or the Clock)', () => {
    const source = [
      'const a = new Date();',
      'const b = Date.now() + 1000;',
      'const c = new Date;',
      'const d = Date();',
      'const e = { at: new Date().toISOString() };',
      '// const f = new Date();',
      "const g = 'Date.now()';",
      'const h = new Date(0);',
      'const i = new Date(deps.clock.now().getTime() + ttlMs);',
      'const j = deps.clock.now();',
      'const k = Date.UTC(2026, 0, 1);',
    ].join('\n');
    expect(wallClockReads('x.ts', source)).toEqual(['1: new Date()', '2: Date.now()', '3: new Date', '4: Date()', '5: new Date()']);
  });

  it('When the files checked are chosen, Then entities and tests are left out and operations are in', () => {
    expect(['a/user.entity.ts', 'a/x.test.ts', 'a/start-session.ts', 'a/chat-import.entity-helpers.ts'].filter(isChecked)).toEqual(['a/start-session.ts', 'a/chat-import.entity-helpers.ts']);
  });
});
