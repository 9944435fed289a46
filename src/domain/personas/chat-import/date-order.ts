/** Which numeric date field is the year, month and day. */
export type DateOrder = 'YMD' | 'DMY' | 'MDY';

/** A date as written: three numeric fields in the order the locale prints them. */
export type DateFields = readonly [string, string, string];

/**
 * Exports print dates in the phone's locale with nothing saying whether 03/04 is March or
 * April, so the whole file decides: a four-digit first field is year-first; any first
 * field above 12 means day-first; any second field above 12 means month-first. A file
 * whose days never pass 12 stays ambiguous and takes `fallback` (the caller picks it from
 * hints such as a 12-hour clock, which US-style locales use).
 */
export function inferDateOrder(dates: Iterable<DateFields>, fallback: Exclude<DateOrder, 'YMD'>): DateOrder {
  let firstAbove12 = false;
  let secondAbove12 = false;
  for (const [first, second] of dates) {
    if (first.length === 4) return 'YMD';
    if (Number(first) > 12) firstAbove12 = true;
    if (Number(second) > 12) secondAbove12 = true;
  }
  if (firstAbove12) return 'DMY';
  if (secondAbove12) return 'MDY';
  return fallback;
}

/** Reads year, month and day from written fields; two-digit years are this century's. */
export function readDateFields(fields: DateFields, order: DateOrder): { year: number; month: number; day: number } | null {
  const [a, b, c] = fields;
  const [yearText, monthText, dayText] = order === 'YMD' ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
  if (yearText.length !== 2 && yearText.length !== 4) return null;
  if (monthText.length > 2 || dayText.length > 2) return null;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return { year, month: Number(monthText), day: Number(dayText) };
}
