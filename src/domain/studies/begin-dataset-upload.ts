import type { EntityManager } from '@mikro-orm/postgresql';
import { validateInput } from '../validate-input';
import { checkStudySchema } from './parse-dataset-tables';
import { StudyDataset } from './study-dataset.entity';
import { datasetHeaderInput } from './study-input';

/**
 * First step of the streamed upload: an UPLOADING dataset with its checked schema. It turns
 * READY when both tables have parsed (upload-dataset-pairs.ts); a table that fails removes it.
 */
export async function beginDatasetUpload(em: EntityManager, ownerId: string, input: unknown): Promise<StudyDataset> {
  const data = validateInput(datasetHeaderInput, input);
  const schema = await checkStudySchema(data.schema);
  const dataset = em.create(StudyDataset, { owner: ownerId, name: data.name, format: data.format, schema: schema as unknown as Record<string, unknown> });
  await em.flush();
  return dataset;
}
