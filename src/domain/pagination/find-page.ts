import type { EntityName, FilterQuery, FindByCursorOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pageWindow, type Page, type PageRequest, type PageRules } from './page';

/**
 * A keyset page of entities through MikroORM's `em.findByCursor`: the cursor holds the
 * `orderBy` values of an item (so `orderBy` must end in a unique key, e.g. `id`), the next
 * page is a `where (createdAt, id) < …` on the list's index rather than an offset, and the
 * count is the whole filtered list. The request is checked first (pageWindow), so a bad size
 * or cursor is VALIDATION_FAILED rather than an ORM error.
 */
export async function findPage<Entity extends object, Hint extends string = never>(
  em: EntityManager,
  entity: EntityName<Entity>,
  where: FilterQuery<Entity>,
  options: Pick<FindByCursorOptions<Entity, Hint>, 'orderBy' | 'populate'>,
  request: PageRequest,
  rules: PageRules,
): Promise<Page<Entity>> {
  const window = pageWindow(request, rules);
  const cursor = await em.findByCursor<Entity, Hint>(entity, where, {
    ...options,
    ...(window.backward ? { last: window.size } : { first: window.size }),
    after: request.after ?? undefined,
    before: request.before ?? undefined,
  });
  return {
    edges: cursor.items.map((node) => ({ node: node as Entity, cursor: cursor.from(node) })),
    hasNextPage: cursor.hasNextPage,
    hasPreviousPage: cursor.hasPrevPage,
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
    totalCount: cursor.totalCount,
  };
}
