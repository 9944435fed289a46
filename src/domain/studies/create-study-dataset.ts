import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StudyDatasetBlobStore } from '../../ports/study-dataset-blobs.port';
import { validateInput } from '../validate-input';
import { checkStudySchema, parseDatasetTables } from './parse-dataset-tables';
import { StudyDataset } from './study-dataset.entity';
import { INLINE_TABLE_MAX_BYTES, createStudyDatasetInput } from './study-input';

/**
 * Creates a READY dataset from inline tables (the GraphQL path, for small files): the schema
 * and both tables must parse before the one insert, so a bad row stores nothing.
 */
export async function createStudyDataset(deps: { em: EntityManager; blobs: StudyDatasetBlobStore }, ownerId: string, input: unknown): Promise<StudyDataset> {
  const data = validateInput(createStudyDatasetInput, input);
  const schema = await checkStudySchema(data.schema);
  const inline = { maxRows: 1_000_000, maxBytes: INLINE_TABLE_MAX_BYTES * 4 };
  const ready = await parseDatasetTables(schema, data.format, { people: data.people, pairs: data.pairs }, { people: inline, pairs: inline });
  const id = randomUUID();
  await deps.blobs.insertReady({ id, ownerId, name: data.name, format: data.format, schema }, ready);
  return deps.em.findOneOrFail(StudyDataset, id);
}
