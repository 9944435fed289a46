import { z } from 'zod';

import { featureCatalog } from '../features/feature-plan';
import { StudyDatasetError } from './study-dataset-error';

export type { AttributeGroupSpec, AttributeSpec, BaselineSpec, OutcomeSpec, StudySchema } from './study-schema-shape';
import type { StudySchema } from './study-schema-shape';

const column = z.string().trim().min(1, 'a column name must not be empty');
const label = z.string().nullish().transform((v) => v ?? null);

const rawSchema = z.strictObject({
  version: z.literal(1).default(1),
  notes: z.string().nullish().transform((v) => v ?? null),
  people: z.strictObject({
    id: column,
    group: column.nullish().transform((v) => v ?? null),
    attributes: z
      .array(
        z.strictObject({
          column,
          kind: z.enum(['numeric', 'categorical']),
          role: z.enum(['age']).nullish().transform((v) => v ?? null),
          label,
        }),
      )
      .default([]),
    attributeGroups: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a group name is letters, digits, _ . - only'),
          kind: z.enum(['profile', 'ratings', 'importance']),
          columns: z.array(column).min(2, 'a group needs at least two columns'),
          ratings: z.string().nullish().transform((v) => v ?? null),
          label,
        }),
      )
      .default([]),
    ignore: z.array(column).default([]),
  }),
  pairs: z.strictObject({
    personA: column,
    personB: column,
    group: column.nullish().transform((v) => v ?? null),
    outcome: z.strictObject({
      column,
      kind: z.enum(['binary', 'ordinal']).default('binary'),
      levels: z.number().int().min(2).max(100).nullish().transform((v) => v ?? null),
    }),
    conversation: column.nullish().transform((v) => v ?? null),
    numeric: z.array(z.strictObject({ column, label })).default([]),
    personas: z.strictObject({ self: column, partner: column }).nullish(),
    ignore: z.array(column).default([]),
  }),
  baselines: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        feature: z.string().min(1),
        direction: z.enum(['higher', 'lower']).default('higher'),
        description: label,
      }),
    )
    .default([]),
  fairness: z
    .strictObject({ attribute: column, side: z.enum(['a', 'b']).default('b') })
    .nullish()
    .transform((v) => v ?? null),
});

/**
 * Reads and checks a schema (an object, or its JSON text). Throws StudyDatasetError with table
 * 'schema' and, as `column`, a JSON path to the offending entry (e.g. "people.attributes[2].kind").
 */
export function parseStudySchema(input: unknown): StudySchema {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new StudyDatasetError('schema', null, null, `not valid JSON (${(error as Error).message})`);
    }
  }
  const parsed = rawSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // An unknown key is reported at the key itself, so the path points at what to remove.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0]] : issue.path;
    throw new StudyDatasetError('schema', null, jsonPath(path) || null, issue.message);
  }
  const schema: StudySchema = parsed.data;
  checkConsistency(schema);
  return schema;
}

function checkConsistency(schema: StudySchema): void {
  const fail = (path: string, reason: string): never => {
    throw new StudyDatasetError('schema', null, path, reason);
  };
  const { people, pairs } = schema;

  const peopleColumns = new Map<string, string>();
  const claim = (name: string, path: string) => {
    const previous = peopleColumns.get(name);
    if (previous !== undefined) fail(path, `column "${name}" is already declared at ${previous}`);
    peopleColumns.set(name, path);
  };
  claim(people.id, 'people.id');
  if (people.group !== null) claim(people.group, 'people.group');
  people.attributes.forEach((a, i) => claim(a.column, `people.attributes[${i}].column`));
  people.attributeGroups.forEach((g, i) => g.columns.forEach((c, j) => claim(c, `people.attributeGroups[${i}].columns[${j}]`)));
  people.ignore.forEach((c, i) => claim(c, `people.ignore[${i}]`));

  const groupNames = new Map<string, number>();
  people.attributeGroups.forEach((g, i) => {
    if (groupNames.has(g.name)) fail(`people.attributeGroups[${i}].name`, `group name "${g.name}" is used twice`);
    groupNames.set(g.name, i);
  });
  people.attributeGroups.forEach((g, i) => {
    if (g.kind !== 'importance') {
      if (g.ratings !== null) fail(`people.attributeGroups[${i}].ratings`, 'only an importance group names a ratings group');
      return;
    }
    if (g.ratings === null) fail(`people.attributeGroups[${i}].ratings`, 'an importance group must name the ratings group it weighs');
    const target = groupNames.get(g.ratings!);
    if (target === undefined) fail(`people.attributeGroups[${i}].ratings`, `no attribute group named "${g.ratings}"`);
    const ratings = people.attributeGroups[target!];
    if (ratings.kind !== 'ratings') fail(`people.attributeGroups[${i}].ratings`, `group "${g.ratings}" is a ${ratings.kind} group, not a ratings group`);
    if (ratings.columns.length !== g.columns.length) {
      fail(
        `people.attributeGroups[${i}].columns`,
        `${g.columns.length} importance weights for ${ratings.columns.length} ratings in "${g.ratings}": they pair column by column`,
      );
    }
  });
  const ages = people.attributes.filter((a) => a.role === 'age');
  if (ages.length > 1) fail('people.attributes', 'only one attribute can have the role "age"');
  people.attributes.forEach((a, i) => {
    if (a.role === 'age' && a.kind !== 'numeric') fail(`people.attributes[${i}].role`, 'the age attribute must be numeric');
  });

  const pairColumns = new Map<string, string>();
  const claimPair = (name: string, path: string) => {
    const previous = pairColumns.get(name);
    if (previous !== undefined) fail(path, `column "${name}" is already declared at ${previous}`);
    pairColumns.set(name, path);
  };
  claimPair(pairs.personA, 'pairs.personA');
  claimPair(pairs.personB, 'pairs.personB');
  if (pairs.group !== null) claimPair(pairs.group, 'pairs.group');
  claimPair(pairs.outcome.column, 'pairs.outcome.column');
  if (pairs.conversation !== null) claimPair(pairs.conversation, 'pairs.conversation');
  pairs.numeric.forEach((c, i) => claimPair(c.column, `pairs.numeric[${i}].column`));
  if (pairs.personas) {
    claimPair(pairs.personas.self, 'pairs.personas.self');
    claimPair(pairs.personas.partner, 'pairs.personas.partner');
  }
  pairs.ignore.forEach((c, i) => claimPair(c, `pairs.ignore[${i}]`));
  if (pairs.outcome.kind === 'ordinal' && pairs.outcome.levels === null) {
    fail('pairs.outcome.levels', 'an ordinal outcome needs its number of levels k (values 1..k)');
  }
  if (pairs.outcome.kind === 'binary' && pairs.outcome.levels !== null) {
    fail('pairs.outcome.levels', 'a binary outcome takes 0/1: levels apply to ordinal outcomes only');
  }

  if (schema.fairness !== null) {
    const attribute = people.attributes.find((a) => a.column === schema.fairness!.attribute);
    if (!attribute) fail('fairness.attribute', `no people attribute "${schema.fairness.attribute}"`);
    if (attribute!.kind !== 'categorical') fail('fairness.attribute', `"${schema.fairness.attribute}" is numeric: fairness splits by a categorical attribute`);
  }

  const known = new Set(featureCatalog(schema, { conversation: true }).map((f) => f.name));
  const names = new Set<string>();
  schema.baselines.forEach((b, i) => {
    if (names.has(b.name)) fail(`baselines[${i}].name`, `baseline name "${b.name}" is used twice`);
    names.add(b.name);
    if (!known.has(b.feature)) fail(`baselines[${i}].feature`, `no feature "${b.feature}" follows from this schema`);
  });
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
