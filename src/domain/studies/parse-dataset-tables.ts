import { assembleDataset, parsePairs, parsePeople, parseStudySchema, serializeDataset, type StudySchema, type TextSource } from '../../kernel/study';
import type { ReadyDatasetFields } from '../../ports/study-dataset-blobs.port';
import { StudyDatasetFormat } from './study-dataset.entity';
import { mappingDatasetErrors } from './study-dataset-invalid';
import { UPLOAD_LIMITS } from './study-input';

export const kernelFormat = (format: StudyDatasetFormat) => (format === StudyDatasetFormat.CSV ? 'csv' : 'json');

/** The schema, checked (STUDY_DATASET_INVALID with table "schema" when it is not). */
export function checkStudySchema(schema: unknown): Promise<StudySchema> {
  return mappingDatasetErrors(() => parseStudySchema(schema));
}

/** Parses the people table only: the streamed upload's first step, which checks it before staging it. */
export function checkPeopleTable(schema: StudySchema, format: StudyDatasetFormat, people: TextSource, limits = UPLOAD_LIMITS.people) {
  return mappingDatasetErrors(() => parsePeople(people, schema, kernelFormat(format), limits));
}

/**
 * Both tables parsed and assembled into what a READY dataset stores. Any bad row, cell or
 * reference throws STUDY_DATASET_INVALID with its table, line and column, before anything is
 * written.
 */
export async function parseDatasetTables(
  schema: StudySchema,
  format: StudyDatasetFormat,
  tables: { people: TextSource; pairs: TextSource },
  limits: { people: { maxRows: number; maxBytes: number }; pairs: { maxRows: number; maxBytes: number } } = UPLOAD_LIMITS,
): Promise<ReadyDatasetFields> {
  return mappingDatasetErrors(async () => {
    const people = await parsePeople(tables.people, schema, kernelFormat(format), limits.people);
    const pairs = await parsePairs(tables.pairs, schema, people, kernelFormat(format), limits.pairs);
    const dataset = assembleDataset(schema, people, pairs);
    return { bytes: serializeDataset(dataset), hash: dataset.hash, stats: { ...dataset.stats } };
  });
}
