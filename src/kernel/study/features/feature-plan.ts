import type { ConversationMeasures } from '../../measures';
import type { StudySchema } from '../dataset/study-schema-shape';

// Math is read through module constants because hot loops run under jest's vm sandbox too,
// where every global lookup costs ~100× a local one.
const { abs, log, sqrt } = Math;

/** One side of a pair as the feature definitions read it. */
export interface PersonValues {
  /** NaN when missing (or not a number). */
  numeric(column: string): number;
  /** null when missing. */
  category(column: string): string | null;
}

/** What a pair has besides its two people. */
export interface PairContext {
  /** A declared numeric pair column; NaN when missing. */
  pairNumeric(column: string): number;
  /** The measures of the pair's conversation, or null when it has none. */
  measures: ConversationMeasures | null;
}

export interface FeatureDefinition {
  name: string;
  description: string;
  /** null: missing for this pair (imputed with the training mean later). */
  compute(a: PersonValues, b: PersonValues, pair: PairContext): number | null;
}

/**
 * The features a schema implies, in a fixed order — the one place their definitions live, used
 * alike to build a study's design matrix (buildFeatures) and to score one new pair
 * (featureValuesForPair), so a model is never applied to features defined differently.
 *
 * Pairs are directed (A is the rater when the outcome is A's decision), so signed differences
 * and the two importance fits keep their direction.
 */
export function featurePlan(schema: StudySchema, options: { conversation: boolean }): FeatureDefinition[] {
  const plan: FeatureDefinition[] = [];
  for (const attribute of schema.people.attributes) {
    const c = attribute.column;
    const what = attribute.label ?? c;
    if (attribute.kind === 'numeric') {
      plan.push({
        name: `abs_diff:${c}`,
        description: `|A − B| of ${what}`,
        compute: (a, b) => finiteOrNull(abs(a.numeric(c) - b.numeric(c))),
      });
      plan.push({
        name: `diff:${c}`,
        description: `A − B of ${what} (signed: the rater's value minus the partner's)`,
        compute: (a, b) => finiteOrNull(a.numeric(c) - b.numeric(c)),
      });
    } else {
      plan.push({
        name: `same:${c}`,
        description: `1 when A and B share the same ${what}, else 0`,
        compute: (a, b) => {
          const x = a.category(c);
          const y = b.category(c);
          return x === null || y === null ? null : x === y ? 1 : 0;
        },
      });
    }
  }
  for (const group of schema.people.attributeGroups) {
    const what = group.label ?? group.name;
    const columns = group.columns;
    plan.push({
      name: `cosine:${group.name}`,
      description: `Cosine similarity of A's and B's ${what} (${columns.length} columns, raw values, columns missing on either side left out)`,
      compute: (a, b) => vectorMeasure(columns, a, b, cosine),
    });
    plan.push({
      name: `l1:${group.name}`,
      description: `Mean absolute difference between A's and B's ${what} (L1 distance per column present on both sides)`,
      compute: (a, b) => vectorMeasure(columns, a, b, meanAbsoluteDifference),
    });
    plan.push({
      name: `correlation:${group.name}`,
      description: `Pearson correlation of A's and B's ${what} (missing when either side rates every column alike)`,
      compute: (a, b) => vectorMeasure(columns, a, b, pearsonOrNull),
    });
  }
  for (const group of schema.people.attributeGroups) {
    if (group.kind !== 'importance' || group.ratings === null) continue;
    const ratings = schema.people.attributeGroups.find((g) => g.name === group.ratings)!;
    const what = group.label ?? group.name;
    const rated = ratings.label ?? ratings.name;
    plan.push({
      name: `importance_fit_a_to_b:${group.name}`,
      description: `How well B's ${rated} meet what A values: A's ${what} (normalised to sum 1) · B's ${rated} centred on B's own mean`,
      compute: (a, b) => importanceFit(group.columns, ratings.columns, a, b),
    });
    plan.push({
      name: `importance_fit_b_to_a:${group.name}`,
      description: `The reverse: B's ${what} (normalised) · A's ${rated} centred on A's own mean`,
      compute: (a, b) => importanceFit(group.columns, ratings.columns, b, a),
    });
  }
  for (const column of schema.pairs.numeric) {
    const c = column.column;
    plan.push({
      name: `pair:${c}`,
      description: `${column.label ?? c} (a pair column, used as given)`,
      compute: (_a, _b, pair) => finiteOrNull(pair.pairNumeric(c)),
    });
  }
  if (options.conversation) plan.push(...CONVERSATION_FEATURES);
  return plan;
}

/** The feature names and descriptions a schema implies (conversation features when asked). */
export function featureCatalog(schema: StudySchema, options: { conversation: boolean }): { name: string; description: string }[] {
  return featurePlan(schema, options).map(({ name, description }) => ({ name, description }));
}

/**
 * Conversation measures (src/kernel/measures) of the pair's real conversation. A pair without
 * one has every measure missing (mean-imputed) and `conv:has_conversation` 0, so the model can
 * tell an imputed value from a measured one.
 */
const CONVERSATION_FEATURES: FeatureDefinition[] = [
  {
    name: 'conv:has_conversation',
    description: '1 when the pair has a conversation, else 0 (its measures are then imputed)',
    compute: (_a, _b, pair) => (pair.measures === null ? 0 : 1),
  },
  {
    name: 'conv:lsm',
    description: 'Language style matching, 0–1 (Ireland & Pennebaker 2010)',
    compute: (_a, _b, { measures }) => measures?.pair.lsm.overall.value ?? null,
  },
  {
    name: 'conv:follow_up_question_rate',
    description: 'Follow-up questions (both speakers) per message (Huang et al. 2017)',
    compute: (_a, _b, { measures }) => {
      if (!measures || measures.messages === 0) return null;
      const [x, y] = measures.perSpeaker;
      return ((x.questions.followUpQuestions.value ?? 0) + (y.questions.followUpQuestions.value ?? 0)) / measures.messages;
    },
  },
  {
    name: 'conv:responsiveness',
    description: 'Share of bids for connection turned toward (Gottman); missing when nobody made a bid',
    compute: (_a, _b, { measures }) => measures?.pair.responsiveness.value ?? null,
  },
  {
    name: 'conv:log_positive_negative_ratio',
    description: 'ln((positive + 1) / (negative + 1)) of positive to negative interactions (Gottman’s ratio, smoothed so it is finite)',
    compute: (_a, _b, { measures }) => {
      if (!measures) return null;
      return log(((measures.pair.positiveInteractions.value ?? 0) + 1) / ((measures.pair.negativeInteractions.value ?? 0) + 1));
    },
  },
  {
    name: 'conv:rapport',
    description: 'Rapport index 0–100 (SoulLink composite with fixed weights)',
    compute: (_a, _b, { measures }) => measures?.pair.rapport.value ?? null,
  },
  {
    name: 'conv:mean_sentiment',
    description: 'Mean message sentiment of the two speakers, −1 … +1',
    compute: (_a, _b, { measures }) => {
      if (!measures) return null;
      const values = measures.perSpeaker.map((s) => s.sentiment.meanSentiment.value).filter((v): v is number => v !== null);
      return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
    },
  },
  {
    name: 'conv:log_messages',
    description: 'ln(1 + messages measured): how long the conversation was',
    compute: (_a, _b, { measures }) => (measures ? log(1 + measures.messages) : null),
  },
];

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Applies `measure` to the columns present on both sides; null when fewer than two are. */
function vectorMeasure(
  columns: readonly string[],
  a: PersonValues,
  b: PersonValues,
  measure: (x: number[], y: number[]) => number | null,
): number | null {
  const x: number[] = [];
  const y: number[] = [];
  for (const c of columns) {
    const u = a.numeric(c);
    const v = b.numeric(c);
    if (Number.isFinite(u) && Number.isFinite(v)) {
      x.push(u);
      y.push(v);
    }
  }
  return x.length < 2 ? null : measure(x, y);
}

export function cosine(x: readonly number[], y: readonly number[]): number | null {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    xy += x[i] * y[i];
    xx += x[i] * x[i];
    yy += y[i] * y[i];
  }
  return xx === 0 || yy === 0 ? null : xy / sqrt(xx * yy);
}

export function meanAbsoluteDifference(x: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += abs(x[i] - y[i]);
  return sum / x.length;
}

/** Pearson correlation; null when either side is constant (there is no profile to correlate). */
export function pearsonOrNull(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / sqrt(sxx * syy);
}

/**
 * Σₖ (wₖ / Σw) · (rₖ − r̄): the rater's importance weights, normalised to sum 1, applied to the
 * partner's ratings centred on the partner's own mean — positive when the partner is strong
 * where the rater cares most. Columns missing on either side are left out; null when the
 * weights sum to zero or fewer than two columns remain.
 */
export function importanceFit(
  weightColumns: readonly string[],
  ratingColumns: readonly string[],
  rater: PersonValues,
  partner: PersonValues,
): number | null {
  const w: number[] = [];
  const r: number[] = [];
  for (let k = 0; k < weightColumns.length; k++) {
    const weight = rater.numeric(weightColumns[k]);
    const rating = partner.numeric(ratingColumns[k]);
    if (Number.isFinite(weight) && Number.isFinite(rating)) {
      w.push(weight);
      r.push(rating);
    }
  }
  if (w.length < 2) return null;
  const total = w.reduce((s, v) => s + v, 0);
  if (total === 0) return null;
  const mean = r.reduce((s, v) => s + v, 0) / r.length;
  let fit = 0;
  for (let k = 0; k < w.length; k++) fit += (w[k] / total) * (r[k] - mean);
  return fit;
}
