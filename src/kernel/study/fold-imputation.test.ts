import { imputeByFold } from './fold-imputation';

describe('imputeByFold', () => {
  it('When a score is missing, Then a row takes the mean of the other folds only', () => {
    const folds = [0, 0, 0, 1, 1, 2];
    // Fold 0's own values (1 and 1000) never fill fold 0's missing row: the other folds' 4, 6, 8 do.
    expect(imputeByFold([1, NaN, 1000, 4, 6, 8], folds)).toEqual([1, 6, 1000, 4, 6, 8]);
    // Fold 1 misses one: folds 0 and 2 give (1 + 3 + 1000 + 8) / 4.
    expect(imputeByFold([1, 3, 1000, NaN, 6, 8], folds)[3]).toBeCloseTo((1 + 3 + 1000 + 8) / 4, 12);
    // Row 0: nothing present outside fold 0, so 0; row 2 (fold 1) takes fold 0's 2.
    expect(imputeByFold([NaN, 2, NaN], [0, 0, 1])).toEqual([0, 2, 2]);
    expect(imputeByFold([1, 2], [0, 1])).toEqual([1, 2]);
  });
});
