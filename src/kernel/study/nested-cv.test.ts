import { sigmoid } from './logistic-regression';
import { DEFAULT_LAMBDAS, nestedCrossValidate } from './nested-cv';
import { mulberry32, normal } from './random';

/** n rows in groups of 10; the first `signal` features carry the outcome, the rest are noise. */
function problem(n: number, p: number, signal: number, seed: number) {
  const random = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  const groups: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: p }, () => normal(random));
    let eta = -0.3;
    for (let j = 0; j < signal; j++) eta += 0.7 * row[j];
    x.push(row);
    y.push(random() < sigmoid(eta) ? 1 : 0);
    groups.push(`g${Math.floor(i / 10)}`);
  }
  return { x, y, groups };
}

describe('nested cross-validation', () => {
  it('When held-out outcomes change, Then their out-of-fold predictions do not (no leak into the fold)', () => {
    const { x, y, groups } = problem(500, 8, 2, 1);
    const first = nestedCrossValidate(x, y, groups, { seed: 3 });
    expect(nestedCrossValidate(x, y, groups, { seed: 3 }).outOfFold).toEqual(first.outOfFold);
    // Flip every outcome in outer fold 0 (folds depend on groups and seed, not outcomes). If any
    // of those outcomes reached the model or the λ choice for fold 0, its predictions would move.
    const heldOut = new Set(first.foldOfRow.flatMap((f, i) => (f === 0 ? [i] : [])));
    expect(heldOut.size).toBeGreaterThan(50);
    const flipped = y.map((v, i) => (heldOut.has(i) ? 1 - v : v));
    const second = nestedCrossValidate(x, flipped, groups, { seed: 3 });
    for (const r of heldOut) expect(second.outOfFold[r]).toBe(first.outOfFold[r]);
    // …while rows of the other folds, whose training data changed, do move.
    const moved = first.outOfFold.filter((p, i) => !heldOut.has(i) && p !== second.outOfFold[i]).length;
    expect(moved).toBeGreaterThan(0);
  });

  it('When features are mostly noise, Then in-sample AUC exceeds out-of-fold AUC and the penalty is strong', () => {
    const { x, y, groups } = problem(300, 60, 1, 2);
    const result = nestedCrossValidate(x, y, groups, { seed: 1 });
    expect(result.inSampleAuc! - result.outOfFoldAuc!).toBeGreaterThan(0.05);
    expect(result.finalLambda).toBeGreaterThanOrEqual(10);
    expect(result.folds).toHaveLength(5);
    expect(result.outOfFold.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('When the signal is strong and features few, Then out-of-fold AUC is close to in-sample', () => {
    const { x, y, groups } = problem(600, 4, 3, 4);
    const result = nestedCrossValidate(x, y, groups, { seed: 1 });
    expect(result.outOfFoldAuc!).toBeGreaterThan(0.7);
    expect(result.inSampleAuc! - result.outOfFoldAuc!).toBeLessThan(0.02);
    expect(result.cvLogLossByLambda).toHaveLength(DEFAULT_LAMBDAS.length);
  });

  it('When there are fewer groups than folds, Then it falls back to leave-one-group-out', () => {
    const { x, y } = problem(90, 3, 2, 5);
    const groups = x.map((_, i) => `w${i % 3}`);
    const result = nestedCrossValidate(x, y, groups, { seed: 1 });
    expect(result.leaveOneGroupOut).toBe(true);
    expect(result.outerK).toBe(3);
  });
});

