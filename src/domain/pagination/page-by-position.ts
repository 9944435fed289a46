import { encodeCursor } from './cursor';
import { pageWindow, type Page, type PageRequest } from './page';

/** A checked forward request of a list paged by position: where the page starts and how long it is. */
export interface PositionWindow {
  offset: number;
  size: number;
  /** Beyond the list's deepest position: the page is empty without asking the store. */
  beyond: boolean;
}

/** The list's cap on a page and on how deep a client may page. */
export interface PositionRules {
  maxSize: number;
  maxPosition: number;
}

/**
 * Checks a forward request of a list its store pages by position only (the memory store
 * port: Weaviate sorts by validFrom but has no keyset paging on it, and a ranked search has no
 * key at all). The cursor is as opaque as any other; it holds the item's position in the
 * list, so items added meanwhile may shift a page by as many.
 */
export function positionWindow(request: Pick<PageRequest, 'first' | 'after'>, rules: PositionRules): PositionWindow {
  const window = pageWindow(request, { keys: ['int'], maxSize: rules.maxSize });
  const offset = window.after ? (window.after[0] as number) + 1 : 0;
  return { offset, size: window.size, beyond: offset > rules.maxPosition };
}

/** The page: `fetch(offset, limit)` returns items from `offset`; one more than the page is asked for, to know whether another follows. */
export async function pageAtPosition<T>(window: PositionWindow, fetch: (offset: number, limit: number) => Promise<T[]>): Promise<Page<T>> {
  const items = window.beyond ? [] : await fetch(window.offset, window.size + 1);
  const edges = items.slice(0, window.size).map((node, i) => ({ node, cursor: encodeCursor([window.offset + i]) }));
  return {
    edges,
    hasNextPage: items.length > window.size,
    hasPreviousPage: window.offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
    totalCount: null,
  };
}
