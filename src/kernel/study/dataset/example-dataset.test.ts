import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildFeatures } from '../features/build-features';
import { parsePairs } from './parse-pairs';
import { parsePeople } from './parse-people';
import { assembleDataset } from './study-dataset';
import { parseStudySchema } from './study-schema';

const EXAMPLE = join(__dirname, '../../../../examples/study');

describe('the shipped example dataset (examples/study)', () => {
  it.each(['schema.json', 'schema-rating.json'])('When %s reads the shipped CSVs (streamed), Then every row loads and no answer-key column becomes a feature', async (file) => {
    const schema = parseStudySchema(readFileSync(join(EXAMPLE, file), 'utf8'));
    const people = await parsePeople(createReadStream(join(EXAMPLE, 'data/people.csv')), schema, 'csv');
    const pairs = await parsePairs(createReadStream(join(EXAMPLE, 'data/pairs.csv')), schema, people, 'csv');
    const dataset = assembleDataset(schema, people, pairs);
    expect(dataset.stats).toEqual({ people: 300, pairs: 3070, groups: 15, attributes: 31, conversations: 0 });
    const features = buildFeatures(dataset);
    expect(features.names.filter((n) => /truth|popularity|selectivity|rating|decision/.test(n))).toEqual([]);
    expect(new Set(features.outcome)).toEqual(file === 'schema.json' ? new Set([0, 1]) : new Set([1, 2, 3, 4, 5]));
  });
});
