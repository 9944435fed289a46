import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from './env.schema';

describe('README configuration table', () => {
  it('When a variable is added to the env schema, Then the README documents it', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const undocumented = Object.keys(envSchema.shape).filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(undocumented).toEqual([]);
  });

  it('When a variable is added to the env schema, Then .env.example lists it, and lists nothing else', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const listed = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    const names = Object.keys(envSchema.shape);
    expect(names.filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !names.includes(name))).toEqual([]);
  });
});
