import { type ConversationMessage, measureConversation } from '../../measures';
import type { PeopleTable } from '../dataset/people-table';
import { StudyDatasetError } from '../dataset/study-dataset-error';
import type { StudyDataset } from '../dataset/study-dataset';
import type { StudySchema } from '../dataset/study-schema';
import { type FeatureDefinition, featurePlan, type PairContext, type PersonValues } from './feature-plan';

/** A study's design matrix with everything the study and the report need beside it. */
export interface FeatureSet {
  names: string[];
  descriptions: string[];
  /**
   * One row per pair; NaN where a value is missing. Left missing on purpose: every fit imputes
   * with its own training rows' mean (see standardizeDesign), so a cross-validation fold's
   * held-out values never shape its imputation.
   */
  rows: number[][];
  outcome: number[];
  groups: (string | number)[];
  /** Scores to beat, used as given (higher = more likely positive). */
  baselines: { name: string; description: string; score: number[] }[];
  fairness: { name: string; values: (string | number | null)[] } | null;
  /**
   * Per feature: its mean over all pairs (what the final model, fitted on all pairs, imputes
   * with; each cross-validation fit uses its own training rows' mean) and how many pairs lack it.
   */
  imputation: { name: string; mean: number; missing: number }[];
}

export interface FeatureOptions {
  /** Conversation measures as features (default: when any pair has a conversation). */
  conversationMeasures?: boolean;
  /** Further per-pair features computed elsewhere (e.g. simulation scores); null = missing. */
  extraPairFeatures?: { name: string; description: string; values: (number | null)[] }[];
}

/**
 * The features a dataset's schema implies (see featurePlan), one row per pair. Missing values
 * stay NaN and are counted; the fits impute them per training fold.
 */
export function buildFeatures(d: StudyDataset, options: FeatureOptions = {}): FeatureSet {
  const { schema, people, pairs } = d;
  const n = pairs.a.length;
  const conversation = options.conversationMeasures ?? pairs.conversations.some((c) => c !== null);
  const plan = featurePlan(schema, { conversation });
  const extras = options.extraPairFeatures ?? [];
  const names = [...plan.map((f) => f.name), ...extras.map((e) => e.name)];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`feature "${name}" is defined twice`);
    seen.add(name);
  }
  for (const extra of extras) {
    if (extra.values.length !== n) throw new Error(`extra feature "${extra.name}" has ${extra.values.length} values for ${n} pairs`);
  }

  const a = new TableRowValues(people);
  const b = new TableRowValues(people);
  const raw: (number | null)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    a.row = pairs.a[i];
    b.row = pairs.b[i];
    const messages = conversation ? pairs.conversations[i] : null;
    const context: PairContext = {
      pairNumeric: (column) => pairs.numeric[column][i],
      measures: messages ? measureConversation(messages) : null,
    };
    const values = computeRow(plan, a, b, context);
    for (const extra of extras) {
      const v = extra.values[i];
      values.push(v !== null && Number.isFinite(v) ? v : null);
    }
    raw[i] = values;
  }

  const p = names.length;
  const imputation = names.map((name, j) => {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = raw[i][j];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    // A feature missing everywhere becomes a constant 0, which the fit leaves out.
    return { name, mean: count === 0 ? 0 : sum / count, missing: n - count };
  });
  const rows = raw.map((values) => {
    const row = new Array<number>(p);
    for (let j = 0; j < p; j++) row[j] = values[j] ?? NaN;
    return row;
  });

  return {
    names,
    descriptions: [...plan.map((f) => f.description), ...extras.map((e) => e.description)],
    rows,
    outcome: Array.from(pairs.outcome),
    groups: [...pairs.groups],
    baselines: baselines(schema, names, rows),
    fairness: fairnessValues(d, schema.fairness),
    imputation,
  };
}

/**
 * The same feature definitions applied to one new pair (ranking personas): a and b map column
 * names to values (numbers, numeric text, categories; null or absent = missing). Conversation
 * features are included (has_conversation 0 and the rest null without a conversation); pair
 * columns are null (not known for a new pair). A model ignores the names it was not fitted on.
 */
export function featureValuesForPair(
  schema: StudySchema,
  a: Record<string, number | string | null>,
  b: Record<string, number | string | null>,
  conversation?: ConversationMessage[],
): Record<string, number | null> {
  const plan = featurePlan(schema, { conversation: true });
  const context: PairContext = {
    pairNumeric: () => NaN,
    measures: conversation && conversation.length > 0 ? measureConversation(conversation) : null,
  };
  const values = computeRow(plan, new RecordValues(a), new RecordValues(b), context);
  return Object.fromEntries(plan.map((f, j) => [f.name, values[j]]));
}

function computeRow(plan: readonly FeatureDefinition[], a: PersonValues, b: PersonValues, context: PairContext): (number | null)[] {
  return plan.map((f) => {
    const v = f.compute(a, b, context);
    return v !== null && Number.isFinite(v) ? v : null;
  });
}

/** Declared baselines, then the automatic ones: −|age difference| and each profile group's cosine. */
function baselines(schema: StudySchema, names: string[], rows: number[][]): FeatureSet['baselines'] {
  const out: FeatureSet['baselines'] = [];
  const column = (feature: string, path: string): number => {
    const j = names.indexOf(feature);
    if (j < 0) throw new StudyDatasetError('schema', null, path, `baseline feature "${feature}" is not among this study's features`);
    return j;
  };
  const add = (name: string, description: string, j: number, sign: 1 | -1) => {
    if (out.some((b) => b.name === name)) return;
    out.push({ name, description, score: rows.map((row) => sign * row[j]) });
  };
  schema.baselines.forEach((b, i) => {
    const j = column(b.feature, `baselines[${i}].feature`);
    add(b.name, b.description ?? `${b.direction === 'lower' ? 'lower' : 'higher'} ${b.feature} = more likely positive`, j, b.direction === 'lower' ? -1 : 1);
  });
  const age = schema.people.attributes.find((a) => a.role === 'age');
  if (age) add('−|age difference|', `Closer in ${age.label ?? age.column} = more likely positive`, column(`abs_diff:${age.column}`, 'people.attributes'), -1);
  for (const g of schema.people.attributeGroups) {
    if (g.kind !== 'profile') continue;
    add(`${g.label ?? g.name} cosine`, `Cosine similarity of the two people's ${g.label ?? g.name} alone`, column(`cosine:${g.name}`, 'people.attributeGroups'), 1);
  }
  return out;
}

/** The fairness attribute's value for each pair: the category of the chosen side's person. */
export function fairnessValues(d: StudyDataset, spec: { attribute: string; side: 'a' | 'b' } | null): FeatureSet['fairness'] {
  if (spec === null) return null;
  const attribute = d.people.categorical[spec.attribute];
  if (!attribute) throw new StudyDatasetError('schema', null, 'fairness.attribute', `no categorical people attribute "${spec.attribute}"`);
  const rows = spec.side === 'a' ? d.pairs.a : d.pairs.b;
  return {
    name: `${spec.side === 'a' ? 'person A' : 'person B'} ${spec.attribute}`,
    values: Array.from(rows, (row) => {
      const code = attribute.codes[row];
      return code < 0 ? null : attribute.levels[code];
    }),
  };
}

/** One person row of a PeopleTable; `row` is moved from pair to pair. */
class TableRowValues implements PersonValues {
  row = 0;
  constructor(private readonly people: PeopleTable) {}
  numeric(column: string): number {
    const values = this.people.numeric[column];
    return values ? values[this.row] : NaN;
  }
  category(column: string): string | null {
    const c = this.people.categorical[column];
    if (!c) return null;
    const code = c.codes[this.row];
    return code < 0 ? null : c.levels[code];
  }
}

/** A person given as a record of column → value (a persona's attributes). */
class RecordValues implements PersonValues {
  constructor(private readonly values: Record<string, number | string | null>) {}
  numeric(column: string): number {
    const v = this.values[column];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '') return Number(v);
    return NaN;
  }
  category(column: string): string | null {
    const v = this.values[column];
    if (v === null || v === undefined) return null;
    const text = String(v).trim();
    return text === '' ? null : text;
  }
}
