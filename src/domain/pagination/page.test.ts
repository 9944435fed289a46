import { decodeCursor, encodeCursor } from './cursor';
import { pageWindow } from './page';
import { pageAtPosition, positionWindow } from './page-by-position';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; details?: { field?: string } };
    return `${e.code}:${e.details?.field}`;
  }
};

describe('page requests', () => {
  it('When a cursor round-trips, Then its keyset values come back; a cursor of another shape is VALIDATION_FAILED naming the argument', () => {
    const at = new Date('2026-12-05T04:03:49.123Z');
    const cursor = encodeCursor([at, '00000000-0000-4000-8000-000000000001']);
    expect(decodeCursor(cursor, ['date', 'uuid'], 'after')).toEqual([at.toISOString(), '00000000-0000-4000-8000-000000000001']);
    expect(codeOf(() => decodeCursor(cursor, ['int'], 'after'))).toBe('VALIDATION_FAILED:after');
    expect(codeOf(() => decodeCursor('not a cursor!', ['int'], 'before'))).toBe('VALIDATION_FAILED:before');
    expect(codeOf(() => decodeCursor(encodeCursor(['2026-12-05', 'x']), ['date', 'uuid'], 'after'))).toBe('VALIDATION_FAILED:after');
    expect(codeOf(() => decodeCursor(encodeCursor([-1]), ['int'], 'after'))).toBe('VALIDATION_FAILED:after');
  });

  it('When sizes are missing, out of bounds or both given, Then the default page, or VALIDATION_FAILED naming first/last', () => {
    expect(pageWindow({}, { keys: ['int'] })).toEqual({ size: 20, backward: false, after: null, before: null });
    expect(pageWindow({}, { keys: ['int'], lastByDefault: true })).toMatchObject({ size: 20, backward: true });
    expect(pageWindow({ last: 5, before: encodeCursor([9]) }, { keys: ['int'] })).toEqual({ size: 5, backward: true, after: null, before: [9] });
    expect(codeOf(() => pageWindow({ first: 51 }, { keys: ['int'], maxSize: 50 }))).toBe('VALIDATION_FAILED:first');
    expect(codeOf(() => pageWindow({ last: 0 }, { keys: ['int'] }))).toBe('VALIDATION_FAILED:last');
    expect(codeOf(() => pageWindow({ first: 1, last: 1 }, { keys: ['int'] }))).toBe('VALIDATION_FAILED:last');
  });

  it('When a list pages by position, Then each page starts after the previous endCursor and says whether more follow', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const fetch = async (offset: number, limit: number) => items.slice(offset, offset + limit);
    const first = await pageAtPosition(positionWindow({ first: 2 }, { maxSize: 10, maxPosition: 100 }), fetch);
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ hasNextPage: true, hasPreviousPage: false, totalCount: null });
    const last = await pageAtPosition(positionWindow({ first: 2, after: encodeCursor([3]) }, { maxSize: 10, maxPosition: 100 }), fetch);
    expect(last.edges.map((e) => e.node)).toEqual(['e']);
    expect(last).toMatchObject({ hasNextPage: false, hasPreviousPage: true, endCursor: encodeCursor([4]) });
  });
});
