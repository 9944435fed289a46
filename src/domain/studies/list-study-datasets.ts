import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import { StudyDataset } from './study-dataset.entity';

export const MAX_STUDY_PAGE = 50;

/** Checks a page the way every study list does. */
export function checkPage(page: { limit: number; offset: number }): void {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_STUDY_PAGE) throw new ValidationError('page.limit', `limit must be 1–${MAX_STUDY_PAGE}`);
  if (!Number.isInteger(page.offset) || page.offset < 0 || page.offset > 100_000) throw new ValidationError('page.offset', 'offset must be 0–100000');
}

/** The caller's study datasets, newest first. */
export async function listStudyDatasets(em: EntityManager, ownerId: string, page: { limit: number; offset: number }): Promise<{ items: StudyDataset[]; total: number }> {
  checkPage(page);
  const [items, total] = await em.findAndCount(StudyDataset, { owner: ownerId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: page.limit, offset: page.offset });
  return { items, total };
}
