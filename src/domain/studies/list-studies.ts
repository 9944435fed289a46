import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPage } from './list-study-datasets';
import { Study, type StudyStatus } from './study.entity';

/** The caller's studies, newest first, optionally of one dataset or status. */
export async function listStudies(
  em: EntityManager,
  ownerId: string,
  filter: { datasetId?: string | null; status?: StudyStatus | null },
  page: { limit: number; offset: number },
): Promise<{ items: Study[]; total: number }> {
  checkPage(page);
  const where = { owner: ownerId, ...(filter.datasetId ? { dataset: filter.datasetId } : {}), ...(filter.status ? { status: filter.status } : {}) };
  const [items, total] = await em.findAndCount(Study, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: page.limit, offset: page.offset });
  return { items, total };
}
