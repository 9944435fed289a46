import { StudyDatasetError, type StudyTable } from './study-dataset-error';

/**
 * Cell readers shared by the people and pairs tables. A CSV cell is text; a JSON cell may be a
 * number, a string, a boolean or null. Blank numeric cells (and NA, N/A, NaN, null) are missing
 * values, allowed and imputed later; anything else that is not a finite number is an error.
 */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null']);

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && MISSING.has(value.trim().toLowerCase()));
}

/** A number, or NaN when the cell is blank. */
export function numberCell(value: unknown, table: StudyTable, line: number, column: string): number {
  if (isBlank(value)) return NaN;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(number)) throw new StudyDatasetError(table, line, column, `"${preview(value)}" is not a number`);
  return number;
}

/** A category label, or null when blank. */
export function categoryCell(value: unknown, table: StudyTable, line: number, column: string): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new StudyDatasetError(table, line, column, 'a category must be text or a number');
}

/** A required identifier (person id, group id). */
export function idCell(value: unknown, table: StudyTable, line: number, column: string, what: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value === undefined || value === null || value === '') throw new StudyDatasetError(table, line, column, `${what} is missing`);
  throw new StudyDatasetError(table, line, column, `${what} must be text or a number`);
}

/** A short, single-line echo of a bad cell for the error message. */
export function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
