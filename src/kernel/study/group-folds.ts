import { mulberry32, shuffled } from './random';

export type GroupId = string | number;

export interface Fold {
  /** Row indices (into the original data) held out in this fold. */
  test: number[];
  /** Row indices the model is fitted on. */
  train: number[];
}

export interface GroupFolds {
  /** Folds actually made: K, or the number of groups when there are fewer groups than K. */
  k: number;
  leaveOneGroupOut: boolean;
  folds: Fold[];
}

/**
 * Group-aware K-fold split: every row of a group lands in the same fold. In a speed-dating study
 * a person appears in many pairs; if their pairs were split between training and test, a model
 * could learn "people like Alex" from the training pairs and be credited for it on the test
 * pairs — a person-level signal that will not exist for new people. Grouping by wave (or by
 * person) closes that leak.
 *
 * Folds are balanced by row (pair) count, not group count: groups are shuffled with the seed,
 * then placed largest first, each into the fold with the fewest rows so far (the greedy rule of
 * scikit-learn's GroupKFold, with a seeded tie order so the split is reproducible but not tied
 * to the groups' naming). With fewer groups than K it becomes leave-one-group-out.
 *
 * `rows` restricts the split to those rows (the outer training rows, for an inner split);
 * indices in the folds are always indices into `groups`.
 */
export function groupKFold(groups: readonly GroupId[], k: number, seed: number, rows?: readonly number[]): GroupFolds {
  if (!Number.isInteger(k) || k < 2) throw new Error(`K must be an integer ≥ 2, got ${k}`);
  const members = new Map<GroupId, number[]>();
  const selected = rows ?? groups.map((_, i) => i);
  for (const row of selected) {
    const group = groups[row];
    if (group === undefined || group === null) throw new Error(`row ${row} has no group`);
    const list = members.get(group);
    if (list) list.push(row);
    else members.set(group, [row]);
  }
  if (members.size < 2) throw new Error(`cross-validation needs at least 2 groups, found ${members.size}`);

  const leaveOneGroupOut = members.size < k;
  const folds = leaveOneGroupOut ? members.size : k;
  // Seeded shuffle first, then a stable sort by size: equal-sized groups keep the shuffled order.
  const order = shuffled([...members.keys()], mulberry32(seed)).sort(
    (a, b) => members.get(b)!.length - members.get(a)!.length,
  );
  const testRows: number[][] = Array.from({ length: folds }, () => []);
  const groupCount = new Array<number>(folds).fill(0);
  for (const group of order) {
    let best = 0;
    for (let f = 1; f < folds; f++) {
      const fewerRows = testRows[f].length < testRows[best].length;
      const sameRowsFewerGroups = testRows[f].length === testRows[best].length && groupCount[f] < groupCount[best];
      if (fewerRows || sameRowsFewerGroups) best = f;
    }
    testRows[best].push(...members.get(group)!);
    groupCount[best]++;
  }

  const foldOf = new Map<number, number>();
  testRows.forEach((test, f) => test.forEach((row) => foldOf.set(row, f)));
  return {
    k: folds,
    leaveOneGroupOut,
    folds: testRows.map((test, f) => ({
      test: test.slice().sort((a, b) => a - b),
      train: selected.filter((row) => foldOf.get(row) !== f),
    })),
  };
}
