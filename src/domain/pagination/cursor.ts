import { ValidationError } from '../errors';

/**
 * What one position of a cursor holds, so a cursor a client made up (or took from another
 * list) is refused as VALIDATION_FAILED before it reaches a query, not as a database error.
 */
export type CursorKey = 'date' | 'uuid' | 'int';

const BASE64URL = /^[A-Za-z0-9_-]{1,512}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An opaque cursor: base64url of the JSON array of the keyset values of one item (e.g.
 * `[createdAt, id]` or `[seq]`) — the encoding MikroORM's `Cursor` uses, so lists paged by
 * `em.findByCursor` and lists paged by hand hand out cursors of one kind.
 */
export function encodeCursor(values: readonly (string | number | Date)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The keyset values of a cursor, checked against the list's keys; VALIDATION_FAILED (naming `arg`) otherwise. */
export function decodeCursor(cursor: string, keys: readonly CursorKey[], arg: string): (string | number)[] {
  const refuse = () => new ValidationError(arg, `${arg} is not a cursor of this list (pass a cursor from its pageInfo or edges)`);
  if (!BASE64URL.test(cursor)) throw refuse();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw refuse();
  keys.forEach((key, i) => {
    const value: unknown = values[i];
    const ok =
      key === 'int'
        ? Number.isSafeInteger(value) && (value as number) >= 0
        : key === 'uuid'
          ? typeof value === 'string' && UUID.test(value)
          : typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
    if (!ok) throw refuse();
  });
  return values as (string | number)[];
}
