import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from './env.schema';

describe('README configuration table', () => {
  it('When a variable is added to the env schema, Then the README documents it', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const undocumented = Object.keys(envSchema.shape).filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(undocumented).toEqual([]);
  });
});
