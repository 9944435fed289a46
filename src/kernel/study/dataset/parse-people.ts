import { categoryCell, idCell, isBlank, numberCell } from './cells';
import { categoricalPeopleColumns, numericPeopleColumns, type PeopleTable } from './people-table';
import { StudyDatasetError } from './study-dataset-error';
import type { StudySchema } from './study-schema';
import { type DatasetFormat, type TableReadOptions, tableRows, type TextSource } from './table-rows';

/**
 * Reads the people table. Fails on the first bad row with its line and column: a missing or
 * duplicate id, a non-numeric value in a numeric column, an undeclared column, a declared
 * column absent from the CSV header. Blank numeric and category cells are missing values.
 */
export async function parsePeople(
  source: TextSource,
  schema: StudySchema,
  format: DatasetFormat,
  options: TableReadOptions = {},
): Promise<PeopleTable> {
  const { people: spec } = schema;
  const numericColumns = numericPeopleColumns(schema);
  const categoryColumns = categoricalPeopleColumns(schema);
  const declared = new Set([spec.id, ...(spec.group ? [spec.group] : []), ...numericColumns, ...categoryColumns, ...spec.ignore]);

  const ids: string[] = [];
  const groups: (string | null)[] = [];
  const lines: number[] = [];
  const numeric = numericColumns.map(() => [] as number[]);
  const codes = categoryColumns.map(() => [] as number[]);
  const levels = categoryColumns.map(() => new Map<string, number>());
  const firstLine = new Map<string, number>();

  const rows = tableRows(source, format, 'people', options, ({ columns }) => {
    if (columns === null) return;
    checkHeader(columns, declared, [...declared].filter((c) => !spec.ignore.includes(c)), 'people');
  });
  for await (const { line, cells } of rows) {
    if (format === 'json') checkKeys(cells, declared, line, 'people');
    const id = idCell(cells[spec.id], 'people', line, spec.id, 'the person id');
    const previous = firstLine.get(id);
    if (previous !== undefined) throw new StudyDatasetError('people', line, spec.id, `duplicate person id "${id}" (first on line ${previous})`);
    firstLine.set(id, line);
    ids.push(id);
    lines.push(line);
    groups.push(spec.group === null || isBlank(cells[spec.group]) ? null : idCell(cells[spec.group], 'people', line, spec.group, 'the group'));
    numericColumns.forEach((c, j) => numeric[j].push(numberCell(cells[c], 'people', line, c)));
    categoryColumns.forEach((c, j) => {
      const value = categoryCell(cells[c], 'people', line, c);
      if (value === null) {
        codes[j].push(-1);
        return;
      }
      let code = levels[j].get(value);
      if (code === undefined) {
        code = levels[j].size;
        levels[j].set(value, code);
      }
      codes[j].push(code);
    });
  }
  if (ids.length === 0) throw new StudyDatasetError('people', null, null, 'the table has no person');
  return {
    ids,
    groups,
    numeric: Object.fromEntries(numericColumns.map((c, j) => [c, Float64Array.from(numeric[j])])),
    categorical: Object.fromEntries(categoryColumns.map((c, j) => [c, { levels: [...levels[j].keys()], codes: Int32Array.from(codes[j]) }])),
    lines: Int32Array.from(lines),
  };
}

/** A CSV header must hold every declared column and nothing undeclared (line 1 either way). */
export function checkHeader(columns: string[], declared: Set<string>, required: string[], table: 'people' | 'pairs'): void {
  const present = new Set(columns);
  for (const c of required) {
    if (!present.has(c)) throw new StudyDatasetError(table, 1, c, 'this declared column is missing from the header');
  }
  for (const c of columns) {
    if (!declared.has(c)) {
      throw new StudyDatasetError(table, 1, c, `this column is not declared in the schema (list it under ${table}.ignore to leave it out)`);
    }
  }
}

/** A JSON row may leave out a column (a missing value) but may not add an undeclared one. */
export function checkKeys(cells: Record<string, unknown>, declared: Set<string>, line: number, table: 'people' | 'pairs'): void {
  for (const key of Object.keys(cells)) {
    if (!declared.has(key)) {
      throw new StudyDatasetError(table, line, key, `this column is not declared in the schema (list it under ${table}.ignore to leave it out)`);
    }
  }
}
