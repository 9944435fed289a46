import type { StudySchema } from './study-schema';

/**
 * The people of a study, column by column: typed arrays for numbers (NaN = missing) and coded
 * categories (−1 = missing), so 5,000 people × 200 attributes stay a few megabytes.
 */
export interface PeopleTable {
  ids: string[];
  /** Each person's group (wave, event); null without a group column or when blank. */
  groups: (string | null)[];
  /** Every declared numeric column, attributes and attribute-group columns alike. */
  numeric: Record<string, Float64Array>;
  categorical: Record<string, { levels: string[]; codes: Int32Array }>;
  /** The line (CSV) or row number (JSON) each person was read from. */
  lines: Int32Array;
}

/** The numeric columns a schema declares for people, in declaration order. */
export function numericPeopleColumns(schema: StudySchema): string[] {
  return [
    ...schema.people.attributes.filter((a) => a.kind === 'numeric').map((a) => a.column),
    ...schema.people.attributeGroups.flatMap((g) => g.columns),
  ];
}

export function categoricalPeopleColumns(schema: StudySchema): string[] {
  return schema.people.attributes.filter((a) => a.kind === 'categorical').map((a) => a.column);
}

const indexCache = new WeakMap<PeopleTable, Map<string, number>>();

/** Person id → row, built once per table. */
export function personIndex(people: PeopleTable): Map<string, number> {
  let index = indexCache.get(people);
  if (!index) {
    index = new Map(people.ids.map((id, i) => [id, i]));
    indexCache.set(people, index);
  }
  return index;
}
