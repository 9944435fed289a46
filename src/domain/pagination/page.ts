import { ValidationError } from '../errors';
import { decodeCursor, type CursorKey } from './cursor';

/**
 * What a client asks of a list, Relay style: `first` items after the cursor `after`, or (on
 * lists read newest-last, like a chat) the `last` items before the cursor `before`.
 */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of a list, every item with the cursor that points at it. */
export interface Page<T> {
  edges: { node: T; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  /** How many items the whole list holds; null where the list does not count them. */
  totalCount: number | null;
}

/** The largest page any list serves (lists with a tighter cap say so and refuse beyond it). */
export const MAX_PAGE_SIZE = 500;
/** The page size when a request names neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** A checked request: the page size, its direction and the decoded cursors. */
export interface PageWindow {
  size: number;
  /** True for `last`/`before` paging (or a newest-last list's default page). */
  backward: boolean;
  after: (string | number)[] | null;
  before: (string | number)[] | null;
}

export interface PageRules {
  /** What each cursor of this list holds, in order. */
  keys: readonly CursorKey[];
  /** The list's own cap (≤ MAX_PAGE_SIZE). */
  maxSize?: number;
  defaultSize?: number;
  /** Without first/last, serve the last page (newest-last lists such as chat messages). */
  lastByDefault?: boolean;
}

/** Checks a page request the one way every list does; VALIDATION_FAILED naming the argument otherwise. */
export function pageWindow(request: PageRequest, rules: PageRules): PageWindow {
  const maxSize = Math.min(rules.maxSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const { first, last } = request;
  if (first != null && last != null) throw new ValidationError('last', 'Pass first or last, not both');
  for (const [arg, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (!Number.isInteger(value) || value < 1 || value > maxSize)) {
      throw new ValidationError(arg, `${arg} must be 1–${maxSize}`, { min: 1, max: maxSize });
    }
  }
  const backward = last != null || (first == null && rules.lastByDefault === true);
  return {
    size: first ?? last ?? Math.min(rules.defaultSize ?? DEFAULT_PAGE_SIZE, maxSize),
    backward,
    after: request.after != null ? decodeCursor(request.after, rules.keys, 'after') : null,
    before: request.before != null ? decodeCursor(request.before, rules.keys, 'before') : null,
  };
}
