import { groupKFold } from './group-folds';
import { mulberry32, randomInt } from './random';

describe('group K-fold', () => {
  // 40 groups of uneven size (1–30 rows), rows of a group scattered through the data.
  const random = mulberry32(5);
  const groups: string[] = [];
  for (let g = 0; g < 40; g++) for (let r = 1 + randomInt(random, 30); r > 0; r--) groups.push(`wave-${g}`);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }

  it('When split, Then no group appears in two folds and every row is tested exactly once', () => {
    const { folds, k } = groupKFold(groups, 5, 42);
    expect(k).toBe(5);
    const foldOfGroup = new Map<string, number>();
    const tested = new Array<number>(groups.length).fill(0);
    folds.forEach((fold, f) => {
      for (const row of fold.test) {
        tested[row]++;
        const seen = foldOfGroup.get(groups[row]);
        if (seen !== undefined) expect(seen).toBe(f);
        foldOfGroup.set(groups[row], f);
      }
      // Train and test are disjoint in groups, and together they are all rows.
      const testGroups = new Set(fold.test.map((r) => groups[r]));
      expect(fold.train.some((r) => testGroups.has(groups[r]))).toBe(false);
      expect(fold.train.length + fold.test.length).toBe(groups.length);
    });
    expect(tested.every((t) => t === 1)).toBe(true);
  });

  it('When groups differ in size, Then folds are balanced by row count', () => {
    const { folds } = groupKFold(groups, 5, 42);
    const sizes = folds.map((f) => f.test.length);
    // Greedy largest-first keeps the spread within the largest group's size (here ≤ 30).
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(30);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.25);
  });

  it('When the seed is the same, Then the split is the same; another seed may differ', () => {
    expect(groupKFold(groups, 5, 1)).toEqual(groupKFold(groups, 5, 1));
    const equalSized = Array.from({ length: 60 }, (_, i) => i % 12);
    expect(groupKFold(equalSized, 3, 1)).not.toEqual(groupKFold(equalSized, 3, 2));
  });

  it('When there are fewer groups than K, Then it is leave-one-group-out', () => {
    const split = groupKFold(['a', 'a', 'b', 'c', 'c', 'c'], 5, 0);
    expect(split.leaveOneGroupOut).toBe(true);
    expect(split.k).toBe(3);
    expect(split.folds.map((f) => f.test.length).sort()).toEqual([1, 2, 3]);
  });

  it('When restricted to some rows, Then folds hold only those rows', () => {
    const rows = groups.map((_, i) => i).filter((i) => i % 3 !== 0);
    const { folds } = groupKFold(groups, 4, 7, rows);
    const all = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(all).toEqual(rows);
    for (const fold of folds) expect(fold.train.every((r) => r % 3 !== 0)).toBe(true);
  });

  it('When there is one group, Then it refuses', () => {
    expect(() => groupKFold(['x', 'x'], 5, 0)).toThrow(/at least 2 groups/);
  });
});
