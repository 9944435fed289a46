import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import { validateInput } from '../validate-input';
import { StudyDatasetStatus } from './study-dataset.entity';
import { startStudyInput } from './study-input';
import { findOwnStudyDataset } from './study-ownership';
import { Study } from './study.entity';

/**
 * Queues a study of one of the caller's READY datasets; progress streams on studyProgress.
 * Without a seed one is drawn and kept, so the run can be repeated exactly.
 */
export async function startStudy(deps: { em: EntityManager; enqueue: (studyId: string) => Promise<void> }, ownerId: string, input: unknown): Promise<Study> {
  const data = validateInput(startStudyInput, input);
  const dataset = await findOwnStudyDataset(deps.em, ownerId, data.datasetId);
  if (dataset.status !== StudyDatasetStatus.READY) throw new ValidationError('input.datasetId', 'input.datasetId: the dataset is still uploading');
  const study = deps.em.create(Study, {
    owner: ownerId,
    dataset: dataset.id,
    seed: data.seed ?? randomInt(0, 2_147_483_647),
    settings: {
      fairnessAttribute: data.fairnessAttribute ?? null,
      ordinalPositiveFrom: data.ordinalPositiveFrom ?? null,
      ordinalModel: data.ordinalModel ?? null,
      conversationMeasures: data.conversationMeasures ?? true,
      outerFolds: data.outerFolds ?? null,
      innerFolds: data.innerFolds ?? null,
      resamples: data.resamples ?? null,
    },
  });
  await deps.em.flush();
  try {
    await deps.enqueue(study.id);
  } catch (err) {
    // Without its job the study would sit QUEUED forever: take it back, then report the error.
    await deps.em.remove(study).flush();
    throw err;
  }
  return study;
}
