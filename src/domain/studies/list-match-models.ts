import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage } from '../pagination/find-page';
import type { Page, PageRequest } from '../pagination/page';
import { STUDY_PAGES } from './list-study-datasets';
import { MatchModel } from './match-model.entity';

/** The caller's match models, newest first (a name's versions newest first), optionally every version of one name. */
export function listMatchModels(em: EntityManager, ownerId: string, filter: { name?: string | null }, page: PageRequest): Promise<Page<MatchModel>> {
  const where = { owner: ownerId, ...(filter.name ? { name: filter.name } : {}) };
  // The version breaks ties of one name made in the same millisecond, the id any other tie.
  return findPage(em, MatchModel, where, { orderBy: { createdAt: 'desc', version: 'desc', id: 'asc' } }, page, { ...STUDY_PAGES, keys: ['date', 'int', 'uuid'] });
}
