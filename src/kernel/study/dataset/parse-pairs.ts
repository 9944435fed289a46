import { idCell, isBlank, numberCell, preview } from './cells';
import { parseConversation } from './parse-conversation';
import { checkHeader, checkKeys } from './parse-people';
import type { PairsTable } from './pairs-table';
import { type PeopleTable, personIndex } from './people-table';
import { StudyDatasetError } from './study-dataset-error';
import type { StudySchema } from './study-schema';
import { type DatasetFormat, type TableReadOptions, tableRows, type TextSource } from './table-rows';

/**
 * Reads the pairs table against the people already read. Fails on the first bad row with its
 * line and column: an unknown person id, a person paired with themselves, a person outside the
 * pair's group, an outcome outside its levels, a duplicate pair, a non-numeric value, a
 * malformed conversation.
 */
export async function parsePairs(
  source: TextSource,
  schema: StudySchema,
  people: PeopleTable,
  format: DatasetFormat,
  options: TableReadOptions = {},
): Promise<PairsTable> {
  const spec = schema.pairs;
  const numericColumns = spec.numeric.map((c) => c.column);
  const personaColumns = spec.personas ? [spec.personas.self, spec.personas.partner] : [];
  const required = [spec.personA, spec.personB, spec.outcome.column, ...(spec.group ? [spec.group] : []), ...(spec.conversation ? [spec.conversation] : []), ...numericColumns, ...personaColumns];
  const declared = new Set([...required, ...spec.ignore]);
  const index = personIndex(people);
  const peopleHaveGroups = schema.people.group !== null;

  const a: number[] = [];
  const b: number[] = [];
  const groups: string[] = [];
  const outcome: number[] = [];
  const conversations: PairsTable['conversations'] = [];
  const numeric = numericColumns.map(() => [] as number[]);
  const lines: number[] = [];
  const personas: NonNullable<PairsTable['personas']> = [];
  const seen = new Map<string, number>();

  const rows = tableRows(source, format, 'pairs', options, ({ columns }) => {
    if (columns !== null) checkHeader(columns, declared, required, 'pairs');
  });
  for await (const { line, cells } of rows) {
    if (format === 'json') checkKeys(cells, declared, line, 'pairs');
    const person = (column: string): number => {
      const id = idCell(cells[column], 'pairs', line, column, 'the person id');
      const row = index.get(id);
      if (row === undefined) throw new StudyDatasetError('pairs', line, column, `unknown person id "${id}" (not in the people table)`);
      return row;
    };
    const rowA = person(spec.personA);
    const rowB = person(spec.personB);
    if (rowA === rowB) throw new StudyDatasetError('pairs', line, spec.personB, `person "${people.ids[rowA]}" is paired with themselves`);

    let group: string;
    if (spec.group !== null) {
      group = idCell(cells[spec.group], 'pairs', line, spec.group, 'the pair’s group');
      if (peopleHaveGroups) {
        for (const [row, column] of [[rowA, spec.personA], [rowB, spec.personB]] as const) {
          if (people.groups[row] !== group) {
            throw new StudyDatasetError('pairs', line, column, `person "${people.ids[row]}" belongs to group "${people.groups[row] ?? '(none)'}", not to the pair’s group "${group}"`);
          }
        }
      }
    } else if (peopleHaveGroups) {
      const groupA = people.groups[rowA];
      const groupB = people.groups[rowB];
      if (groupA === null) throw new StudyDatasetError('pairs', line, spec.personA, `person "${people.ids[rowA]}" has no group`);
      if (groupA !== groupB) {
        throw new StudyDatasetError('pairs', line, spec.personB, `person "${people.ids[rowB]}" belongs to group "${groupB ?? '(none)'}", not to person A’s group "${groupA}"`);
      }
      group = groupA;
    } else {
      group = ''; // connected components, below
    }

    const key = `${rowA}\u0000${rowB}\u0000${group}`;
    const first = seen.get(key);
    if (first !== undefined) throw new StudyDatasetError('pairs', line, spec.personB, `duplicate pair (first on line ${first})`);
    seen.set(key, line);

    const value = cells[spec.outcome.column];
    if (isBlank(value)) throw new StudyDatasetError('pairs', line, spec.outcome.column, 'the outcome is missing');
    const y = numberCell(value, 'pairs', line, spec.outcome.column);
    if (spec.outcome.kind === 'binary' && y !== 0 && y !== 1) {
      throw new StudyDatasetError('pairs', line, spec.outcome.column, `"${preview(value)}" is not a binary outcome (0 or 1)`);
    }
    if (spec.outcome.kind === 'ordinal' && !(Number.isInteger(y) && y >= 1 && y <= spec.outcome.levels!)) {
      throw new StudyDatasetError('pairs', line, spec.outcome.column, `"${preview(value)}" is outside the levels 1..${spec.outcome.levels}`);
    }

    let conversation: PairsTable['conversations'][number] = null;
    if (spec.conversation !== null) {
      try {
        conversation = parseConversation(cells[spec.conversation]);
      } catch (error) {
        throw new StudyDatasetError('pairs', line, spec.conversation, (error as Error).message);
      }
    }

    a.push(rowA);
    b.push(rowB);
    groups.push(group);
    outcome.push(y);
    conversations.push(conversation);
    numericColumns.forEach((c, j) => numeric[j].push(numberCell(cells[c], 'pairs', line, c)));
    if (spec.personas) personas.push(personaLink(cells, spec.personas, line));
    lines.push(line);
  }
  if (a.length === 0) throw new StudyDatasetError('pairs', null, null, 'the table has no pair');

  const groupSource: PairsTable['groupSource'] = spec.group !== null ? 'pairs' : peopleHaveGroups ? 'people' : 'connected-components';
  const finalGroups = groupSource === 'connected-components' ? componentGroups(a, b, people.ids.length) : groups;
  return {
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    groups: finalGroups,
    groupSource,
    outcome: Float64Array.from(outcome),
    conversations,
    numeric: Object.fromEntries(numericColumns.map((c, j) => [c, Float64Array.from(numeric[j])])),
    lines: Int32Array.from(lines),
    ...(spec.personas ? { personas } : {}),
  };
}

/** Both persona columns blank: not linked; one blank: refused; an id is at most 64 characters. */
function personaLink(cells: Record<string, unknown>, columns: { self: string; partner: string }, line: number): { self: string; partner: string } | null {
  const self = isBlank(cells[columns.self]);
  const partner = isBlank(cells[columns.partner]);
  if (self && partner) return null;
  if (self || partner) {
    const column = self ? columns.self : columns.partner;
    throw new StudyDatasetError('pairs', line, column, 'a pair linked to personas needs both the SELF and the PARTNER persona id (or neither)');
  }
  const id = (column: string) => {
    const value = idCell(cells[column], 'pairs', line, column, 'the persona id');
    if (value.length > 64) throw new StudyDatasetError('pairs', line, column, 'a persona id is at most 64 characters');
    return value;
  };
  return { self: id(columns.self), partner: id(columns.partner) };
}

/** Without declared groups: people who met (directly or through others) share a group. */
function componentGroups(a: number[], b: number[], people: number): string[] {
  const parent = Int32Array.from({ length: people }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let k = 0; k < a.length; k++) {
    const x = find(a[k]);
    const y = find(b[k]);
    if (x !== y) parent[x] = y;
  }
  const names = new Map<number, string>();
  return a.map((row) => {
    const root = find(row);
    let name = names.get(root);
    if (name === undefined) {
      name = `component-${names.size + 1}`;
      names.set(root, name);
    }
    return name;
  });
}
