import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { StudyDatasetError } from './study-dataset-error';
import { parseStudySchema } from './study-schema';

const minimal = {
  people: { id: 'id', attributes: [{ column: 'age', kind: 'numeric' }] },
  pairs: { personA: 'a', personB: 'b', outcome: { column: 'yes' } },
};

function schemaError(input: unknown): { column: string | null; message: string } {
  try {
    parseStudySchema(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StudyDatasetError);
    const e = error as StudyDatasetError;
    expect(e.table).toBe('schema');
    expect(e.line).toBeNull();
    return { column: e.column, message: e.message };
  }
  throw new Error('expected the schema to be refused');
}

describe('parseStudySchema', () => {
  it('When a minimal schema is given (object or JSON text), Then the defaults are filled in', () => {
    const schema = parseStudySchema(JSON.stringify(minimal));
    expect(schema.version).toBe(1);
    expect(schema.people.group).toBeNull();
    expect(schema.people.attributes).toEqual([{ column: 'age', kind: 'numeric', role: null, label: null }]);
    expect(schema.pairs.outcome).toEqual({ column: 'yes', kind: 'binary', levels: null });
    expect(schema.baselines).toEqual([]);
    expect(schema.fairness).toBeNull();
  });

  it('When the shipped example schema is read, Then it parses', () => {
    const text = readFileSync(join(__dirname, '../../../../examples/study/schema.json'), 'utf8');
    const schema = parseStudySchema(text);
    expect(schema.people.ignore).toEqual(expect.arrayContaining(['truth_popularity', 'truth_selectivity']));
    expect(schema.pairs.ignore).toEqual(expect.arrayContaining(['truth_planted_logit', 'truth_feature_probability', 'truth_probability']));
  });

  it('When the schema is wrong, Then the error names the JSON path of the offending entry', () => {
    expect(schemaError('{ nope').message).toMatch(/not valid JSON/);
    expect(schemaError({ ...minimal, people: { ...minimal.people, attributes: [{ column: 'age', kind: 'number' }] } }).column).toBe('people.attributes[0].kind');
    expect(schemaError({ ...minimal, pairs: { personA: 'a', outcome: { column: 'yes' } } }).column).toBe('pairs.personB');
    expect(schemaError({ ...minimal, extra: 1 }).column).toBe('extra');
    expect(schemaError({ ...minimal, people: { ...minimal.people, colour: 'x' } }).column).toBe('people.colour');
    expect(
      schemaError({ ...minimal, people: { id: 'id', attributes: [{ column: 'id', kind: 'numeric' }] } }),
    ).toMatchObject({ column: 'people.attributes[0].column' });
    expect(schemaError({ ...minimal, pairs: { ...minimal.pairs, outcome: { column: 'yes', kind: 'ordinal' } } }).column).toBe('pairs.outcome.levels');
    const importance = {
      ...minimal,
      people: {
        id: 'id',
        attributeGroups: [
          { name: 'self', kind: 'ratings', columns: ['s1', 's2', 's3'] },
          { name: 'weights', kind: 'importance', columns: ['w1', 'w2'], ratings: 'self' },
        ],
      },
    };
    expect(schemaError(importance)).toMatchObject({ column: 'people.attributeGroups[1].columns' });
    expect(schemaError({ ...importance, people: { ...importance.people, attributeGroups: [importance.people.attributeGroups[1]] } }).message).toMatch(/no attribute group named "self"/);
    expect(schemaError({ ...minimal, fairness: { attribute: 'age' } })).toMatchObject({ column: 'fairness.attribute' });
    const baseline = schemaError({ ...minimal, baselines: [{ name: 'b', feature: 'cosine:nothing' }] });
    expect(baseline.column).toBe('baselines[0].feature');
    expect(baseline.message).toMatch(/no feature "cosine:nothing"/);
  });

  it('When a baseline names a derived feature, Then it is accepted', () => {
    const schema = parseStudySchema({ ...minimal, baselines: [{ name: 'closer in age', feature: 'abs_diff:age', direction: 'lower' }] });
    expect(schema.baselines[0]).toEqual({ name: 'closer in age', feature: 'abs_diff:age', direction: 'lower', description: null });
  });
});
