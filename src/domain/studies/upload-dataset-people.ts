import type { EntityManager } from '@mikro-orm/postgresql';
import type { StudyDatasetBlobStore } from '../../ports/study-dataset-blobs.port';
import { ValidationError } from '../errors';
import { checkPeopleTable, checkStudySchema } from './parse-dataset-tables';
import { StudyDatasetStatus, type StudyDataset } from './study-dataset.entity';
import { findOwnStudyDataset } from './study-ownership';

/**
 * Streamed upload, people table: parsed as it arrives (so a bad row is found without holding
 * more than the table), then its raw bytes are staged, sealed, until the pairs come. A table
 * that fails to parse discards the whole upload: nothing of it stays.
 */
export async function uploadDatasetPeople(
  deps: { em: EntityManager; blobs: StudyDatasetBlobStore },
  ownerId: string,
  datasetId: string,
  body: AsyncIterable<Uint8Array>,
): Promise<{ dataset: StudyDataset; people: number }> {
  const dataset = await uploadingDataset(deps.em, ownerId, datasetId);
  const schema = await checkStudySchema(dataset.schema);
  const raw: Buffer[] = [];
  async function* teeing(): AsyncIterable<Uint8Array> {
    for await (const chunk of body) {
      raw.push(Buffer.from(chunk));
      yield chunk;
    }
  }
  let people: Awaited<ReturnType<typeof checkPeopleTable>>;
  try {
    people = await checkPeopleTable(schema, dataset.format, teeing());
  } catch (err) {
    await deps.blobs.discardUpload(ownerId, dataset.id);
    throw err;
  }
  await deps.blobs.stagePeople(ownerId, dataset.id, Buffer.concat(raw));
  return { dataset, people: people.ids.length };
}

/** An UPLOADING dataset of the caller's (a READY one takes no more tables). */
export async function uploadingDataset(em: EntityManager, ownerId: string, datasetId: string): Promise<StudyDataset> {
  const dataset = await findOwnStudyDataset(em, ownerId, datasetId);
  if (dataset.status !== StudyDatasetStatus.UPLOADING) throw new ValidationError('datasetId', 'This dataset is complete; upload a new one to change its tables');
  return dataset;
}

