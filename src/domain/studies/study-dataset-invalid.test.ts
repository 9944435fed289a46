import { StudyDatasetError } from '../../kernel/study';
import { DomainError } from '../errors';
import { asStudyDatasetInvalid, mappingDatasetErrors } from './study-dataset-invalid';

describe('StudyDatasetError → STUDY_DATASET_INVALID', () => {
  it('When the kernel refuses a cell, Then clients get the stable code with the table, line and column', async () => {
    const refused = mappingDatasetErrors(() => {
      throw new StudyDatasetError('people', 3, 'age', 'not a number');
    });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'STUDY_DATASET_INVALID', details: { table: 'people', line: 3, column: 'age' }, message: 'people line 3 column "age": not a number' });
  });

  it('When a schema is refused, Then line is null and column names the schema path', () => {
    const mapped = asStudyDatasetInvalid(new StudyDatasetError('schema', null, 'pairs.outcome.levels', 'an ordinal outcome needs its number of levels'));
    expect(mapped).toMatchObject({ code: 'STUDY_DATASET_INVALID', details: { table: 'schema', line: null, column: 'pairs.outcome.levels' } });
  });

  it('When something else fails, Then it passes through unchanged (never relabelled as bad data)', () => {
    const outage = new Error('connection refused');
    expect(asStudyDatasetInvalid(outage)).toBe(outage);
  });
});
