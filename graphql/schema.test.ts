import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppSchema } from './build-schema';
import { printAppSchema } from './print-schema';

describe('graphql/schema.graphql', () => {
  it('When the resolvers change, Then the committed schema file must be regenerated (npm run schema:emit)', async () => {
    const committed = readFileSync(join(__dirname, 'schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });
});
