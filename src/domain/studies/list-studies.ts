import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { STUDY_PAGES } from './list-study-datasets';
import { Study, type StudyStatus } from './study.entity';

/** The caller's studies, newest first, optionally of one dataset or status. */
export function listStudies(em: EntityManager, ownerId: string, filter: { datasetId?: string | null; status?: StudyStatus | null }, page: PageRequest): Promise<Page<Study>> {
  const where = { owner: ownerId, ...(filter.datasetId ? { dataset: filter.datasetId } : {}), ...(filter.status ? { status: filter.status } : {}) };
  return findPage(em, Study, where, { orderBy: { createdAt: 'desc', id: 'asc' } }, page, STUDY_PAGES);
}
