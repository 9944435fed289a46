import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest, PageRules } from '../pagination/page';
import { StudyDataset } from './study-dataset.entity';

export const MAX_STUDY_PAGE = 50;

/** How every study list pages: keyset on (createdAt, id), at most 50 a page. */
export const STUDY_PAGES: PageRules = { keys: ['date', 'uuid'], maxSize: MAX_STUDY_PAGE };

/** The caller's study datasets, newest first. */
export function listStudyDatasets(em: EntityManager, ownerId: string, page: PageRequest): Promise<Page<StudyDataset>> {
  return findPage(em, StudyDataset, { owner: ownerId }, { orderBy: { createdAt: 'desc', id: 'asc' } }, page, STUDY_PAGES);
}
