import type { StudySchema } from './dataset/study-schema';
import { ATTRIBUTES, INTERESTS, type SyntheticStudy } from './synthetic-speed-dating';

/**
 * A synthetic study as the two CSV files an analyst would upload (people.csv, pairs.csv), and
 * the schema that reads them (the same as examples/study/schema.json). The truth_* columns are
 * the generator's answer key: the schema ignores them, so they can never become features.
 */
export function speedDatingCsv(study: SyntheticStudy): { people: string; pairs: string } {
  const people = csv(
    [
      'id',
      'wave',
      'gender',
      'age',
      'category',
      ...INTERESTS.map((name) => `interest_${name}`),
      ...ATTRIBUTES.map((name) => `importance_${name}`),
      ...ATTRIBUTES.map((name) => `self_${name}`),
      'truth_popularity',
      'truth_selectivity',
    ],
    study.people.map((p) => [p.id, p.wave, p.gender, p.age, p.category, ...p.interests, ...p.importance, ...p.selfRatings, p.popularity, p.selectivity]),
  );
  const pairs = csv(
    ['rater', 'partner', 'wave', 'decision', 'rating', 'interest_correlation', 'importance_fit', 'age_gap', 'truth_planted_logit', 'truth_feature_probability', 'truth_probability'],
    study.pairs.map((p) => [p.rater, p.partner, p.wave, p.decision, p.rating, p.interestCorrelation, p.importanceFit, p.ageGap, p.plantedLogit, p.featureProbability, p.trueProbability]),
  );
  return { people, pairs };
}

/** The schema of speedDatingCsv's files, with the binary decision or the 1–5 rating as the outcome. */
export function speedDatingSchema(outcome: 'decision' | 'rating' = 'decision'): StudySchema {
  const other = outcome === 'decision' ? 'rating' : 'decision';
  return {
    version: 1,
    notes: 'Synthetic speed dating; truth_* columns are the generator’s answer key and are ignored.',
    people: {
      id: 'id',
      group: 'wave',
      attributes: [
        { column: 'age', kind: 'numeric', role: 'age', label: 'age' },
        { column: 'category', kind: 'categorical', role: null, label: 'category' },
      ],
      attributeGroups: [
        { name: 'interests', kind: 'profile', columns: INTERESTS.map((i) => `interest_${i}`), ratings: null, label: 'interest ratings' },
        { name: 'self', kind: 'ratings', columns: ATTRIBUTES.map((a) => `self_${a}`), ratings: null, label: 'self-ratings' },
        { name: 'importance', kind: 'importance', columns: ATTRIBUTES.map((a) => `importance_${a}`), ratings: 'self', label: 'importance weights' },
      ],
      ignore: ['gender', 'truth_popularity', 'truth_selectivity'],
    },
    pairs: {
      personA: 'rater',
      personB: 'partner',
      group: 'wave',
      outcome: outcome === 'decision' ? { column: 'decision', kind: 'binary', levels: null } : { column: 'rating', kind: 'ordinal', levels: 5 },
      conversation: null,
      numeric: [],
      ignore: [other, 'interest_correlation', 'importance_fit', 'age_gap', 'truth_planted_logit', 'truth_feature_probability', 'truth_probability'],
    },
    baselines: [],
    fairness: { attribute: 'category', side: 'b' },
  };
}

function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(6)) : v);
  return [header.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
