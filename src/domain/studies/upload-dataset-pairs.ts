import type { EntityManager } from '@mikro-orm/postgresql';
import type { StudyDatasetBlobStore } from '../../ports/study-dataset-blobs.port';
import { ValidationError } from '../errors';
import { checkStudySchema, parseDatasetTables } from './parse-dataset-tables';
import type { StudyDataset } from './study-dataset.entity';
import { uploadingDataset } from './upload-dataset-people';

/**
 * Streamed upload, pairs table: streamed into the parser against the staged people; when both
 * parse, the dataset turns READY in one write. A bad row discards the whole upload.
 */
export async function uploadDatasetPairs(
  deps: { em: EntityManager; blobs: StudyDatasetBlobStore },
  ownerId: string,
  datasetId: string,
  body: AsyncIterable<Uint8Array>,
): Promise<StudyDataset> {
  const dataset = await uploadingDataset(deps.em, ownerId, datasetId);
  const schema = await checkStudySchema(dataset.schema);
  const people = await deps.blobs.stagedPeople(ownerId, dataset.id);
  if (!people) throw new ValidationError('people', 'Upload the people table (PUT …/people) before the pairs');
  let ready;
  try {
    ready = await parseDatasetTables(schema, dataset.format, { people: people.toString('utf8'), pairs: body });
  } catch (err) {
    await deps.blobs.discardUpload(ownerId, dataset.id);
    throw err;
  }
  const completed = await deps.blobs.completeUpload(ownerId, dataset.id, ready);
  if (!completed) throw new ValidationError('datasetId', 'This upload was completed or discarded meanwhile');
  await deps.em.refresh(dataset);
  return dataset;
}
