import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPage } from './list-study-datasets';
import { MatchModel } from './match-model.entity';

/** The caller's match models, newest first, optionally every version of one name. */
export async function listMatchModels(em: EntityManager, ownerId: string, filter: { name?: string | null }, page: { limit: number; offset: number }): Promise<{ items: MatchModel[]; total: number }> {
  checkPage(page);
  const where = { owner: ownerId, ...(filter.name ? { name: filter.name } : {}) };
  const [items, total] = await em.findAndCount(MatchModel, where, { orderBy: { createdAt: 'desc', version: 'desc' }, limit: page.limit, offset: page.offset });
  return { items, total };
}
