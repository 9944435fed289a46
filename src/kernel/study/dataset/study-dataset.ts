import { createHash } from 'node:crypto';

import type { ConversationMessage } from '../../measures';
import type { PairsTable } from './pairs-table';
import { categoricalPeopleColumns, numericPeopleColumns, type PeopleTable } from './people-table';
import { parseStudySchema, type StudySchema } from './study-schema';

/** A study's data, read and checked: what a study runs on and what is stored (encrypted) by the caller. */
export interface StudyDataset {
  schema: StudySchema;
  people: PeopleTable;
  pairs: PairsTable;
  /** sha256 (hex) of the canonical serialisation of the content (schema, people, pairs; not the source line numbers). */
  hash: string;
  stats: { people: number; pairs: number; groups: number; attributes: number; conversations: number };
}

const FORMAT = 'soullink-study-dataset';

export function assembleDataset(schema: StudySchema, people: PeopleTable, pairs: PairsTable): StudyDataset {
  const n = pairs.a.length;
  if (pairs.b.length !== n || pairs.groups.length !== n || pairs.outcome.length !== n || pairs.conversations.length !== n) {
    throw new Error('the pairs table columns differ in length');
  }
  for (let i = 0; i < n; i++) {
    if (pairs.a[i] < 0 || pairs.a[i] >= people.ids.length || pairs.b[i] < 0 || pairs.b[i] >= people.ids.length) {
      throw new Error(`pair ${i + 1} refers to a person row outside the people table`);
    }
  }
  const content = canonicalContent(schema, people, pairs);
  return {
    schema,
    people,
    pairs,
    hash: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    stats: {
      people: people.ids.length,
      pairs: n,
      groups: new Set(pairs.groups).size,
      attributes: numericPeopleColumns(schema).length + categoricalPeopleColumns(schema).length,
      conversations: pairs.conversations.filter((c) => c !== null).length,
    },
  };
}

/** UTF-8 JSON: the canonical content plus the source line numbers (for messages about stored data). */
export function serializeDataset(d: StudyDataset): Uint8Array {
  const body = { ...canonicalContent(d.schema, d.people, d.pairs), peopleLines: Array.from(d.people.lines), pairLines: Array.from(d.pairs.lines) };
  return new TextEncoder().encode(JSON.stringify(body));
}

export function deserializeDataset(bytes: Uint8Array): StudyDataset {
  let body: ReturnType<typeof canonicalContent> & { peopleLines: number[]; pairLines: number[] };
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(`not a serialised study dataset (${(error as Error).message})`);
  }
  if (body?.format !== FORMAT || body.version !== 1) throw new Error('not a serialised study dataset (unknown format or version)');
  const schema = parseStudySchema(body.schema);
  const p = body.people;
  const people: PeopleTable = {
    ids: p.ids,
    groups: p.groups,
    numeric: Object.fromEntries(Object.entries(p.numeric).map(([c, values]) => [c, Float64Array.from(values, (v) => (v === null ? NaN : v))])),
    categorical: Object.fromEntries(Object.entries(p.categorical).map(([c, v]) => [c, { levels: v.levels, codes: Int32Array.from(v.codes) }])),
    lines: Int32Array.from(body.peopleLines),
  };
  const q = body.pairs;
  const pairs: PairsTable = {
    a: Int32Array.from(q.a),
    b: Int32Array.from(q.b),
    groups: q.groups,
    groupSource: q.groupSource,
    outcome: Float64Array.from(q.outcome),
    conversations: q.conversations.map((c) => (c === null ? null : c.map((m) => ({ id: m.id, speaker: m.speaker, text: m.text, sentAt: m.sentAt === null ? null : new Date(m.sentAt) })))),
    numeric: Object.fromEntries(Object.entries(q.numeric).map(([c, values]) => [c, Float64Array.from(values, (v) => (v === null ? NaN : v))])),
    lines: Int32Array.from(body.pairLines),
    ...(q.personas ? { personas: q.personas } : {}),
  };
  return assembleDataset(schema, people, pairs);
}

/**
 * The content in a fixed key order (schema order for columns), missing numbers as null, times
 * as ISO strings: the same dataset always serialises to the same bytes, whatever the order the
 * object keys happened to be built in.
 */
function canonicalContent(schema: StudySchema, people: PeopleTable, pairs: PairsTable) {
  const numbers = (values: Float64Array) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));
  const message = (m: ConversationMessage) => ({ id: m.id, speaker: m.speaker, text: m.text, sentAt: m.sentAt ? m.sentAt.toISOString() : null });
  return {
    format: FORMAT,
    version: 1 as const,
    schema: canonicalSchema(schema),
    people: {
      ids: people.ids,
      groups: people.groups,
      numeric: Object.fromEntries(numericPeopleColumns(schema).map((c) => [c, numbers(people.numeric[c])])),
      categorical: Object.fromEntries(
        categoricalPeopleColumns(schema).map((c) => [c, { levels: people.categorical[c].levels, codes: Array.from(people.categorical[c].codes) }]),
      ),
    },
    pairs: {
      a: Array.from(pairs.a),
      b: Array.from(pairs.b),
      groups: pairs.groups,
      groupSource: pairs.groupSource,
      outcome: Array.from(pairs.outcome),
      conversations: pairs.conversations.map((c) => (c === null ? null : c.map(message))),
      numeric: Object.fromEntries(schema.pairs.numeric.map(({ column }) => [column, numbers(pairs.numeric[column])])),
      // Only when declared, so datasets without persona links keep the hash they always had.
      ...(schema.pairs.personas && pairs.personas ? { personas: pairs.personas } : {}),
    },
  };
}

/** The schema re-read, so its keys come out in the parser's order whatever the input's. */
function canonicalSchema(schema: StudySchema): StudySchema {
  const s = parseStudySchema(JSON.parse(JSON.stringify(schema)));
  return {
    version: s.version,
    notes: s.notes,
    people: {
      id: s.people.id,
      group: s.people.group,
      attributes: s.people.attributes.map((a) => ({ column: a.column, kind: a.kind, role: a.role, label: a.label })),
      attributeGroups: s.people.attributeGroups.map((g) => ({ name: g.name, kind: g.kind, columns: g.columns, ratings: g.ratings, label: g.label })),
      ignore: s.people.ignore,
    },
    pairs: {
      personA: s.pairs.personA,
      personB: s.pairs.personB,
      group: s.pairs.group,
      outcome: { column: s.pairs.outcome.column, kind: s.pairs.outcome.kind, levels: s.pairs.outcome.levels },
      conversation: s.pairs.conversation,
      numeric: s.pairs.numeric.map((c) => ({ column: c.column, label: c.label })),
      ...(s.pairs.personas ? { personas: { self: s.pairs.personas.self, partner: s.pairs.personas.partner } } : {}),
      ignore: s.pairs.ignore,
    },
    baselines: s.baselines.map((b) => ({ name: b.name, feature: b.feature, direction: b.direction, description: b.description })),
    fairness: s.fairness === null ? null : { attribute: s.fairness.attribute, side: s.fairness.side },
  };
}
