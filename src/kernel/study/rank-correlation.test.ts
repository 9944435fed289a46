import { spearman, stratifiedSpearman } from './rank-correlation';
import { averageRanks } from './ranks';

describe('ranks and Spearman', () => {
  it('When values tie, Then they share the average of their ranks', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
  });

  it('When correlated like scipy’s spearmanr example, Then ρ = 0.8207826816681233', () => {
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → statistic 0.8207826816681233 (ties averaged).
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 14);
  });

  it('When one side is constant, Then ρ is undefined (null)', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
  });


  it('When strata are given, Then ρ is the (n − 1)-weighted mean of the per-stratum ρ', () => {
    // Each stratum is perfectly ordered, but stratum 1 sits lower in y: pooled ρ is below 1.
    const x = [1, 2, 3, 4, 5, 6];
    const y = [10, 11, 12, 1, 2, 3];
    const strata = [0, 0, 0, 1, 1, 1];
    expect(stratifiedSpearman(x, y, strata)).toBeCloseTo(1, 14);
    expect(spearman(x, y)!).toBeLessThan(0);
    // Strata of one row carry no correlation and are skipped.
    expect(stratifiedSpearman([1, 2, 3, 9], [1, 2, 3, 0], [0, 0, 0, 1])).toBeCloseTo(1, 14);
  });
});
