import { standardizeDesign } from './standardized-design';

describe('standardised design', () => {
  it('When built, Then columns are (x − mean) / population SD of the chosen rows, intercept first', () => {
    const x = [
      [1, 10],
      [2, 10],
      [3, 10],
      [100, 10],
    ];
    const design = standardizeDesign(x, [0, 1, 2]);
    expect(Array.from(design.means)).toEqual([2, 10]);
    expect(design.sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 14); // population SD, as StandardScaler
    expect(design.kept).toEqual([0]); // the constant column is left out
    expect(Array.from(design.columns[0])).toEqual([1, 1, 1]);
    expect(Array.from(design.columns[1])).toEqual([-1, 0, 1].map((v) => v / Math.sqrt(2 / 3)));
  });

  it('When a value is infinite or a row is short, Then it refuses', () => {
    expect(() => standardizeDesign([[1], [Infinity]])).toThrow(/only NaN \(missing\) or finite/);
    expect(() => standardizeDesign([[1, 2], [3]])).toThrow(/expected 2/);
  });

  it('When values are missing, Then they take the mean of the chosen rows present, standardise to 0, and other rows play no part', () => {
    const x = [[1], [NaN], [3], [1000], [NaN]];
    const design = standardizeDesign(x, [0, 1, 2]);
    expect(design.means[0]).toBe(2); // rows 3 and 4 are not training rows: their value and their missing one count for nothing
    // The SD is the mean-imputed column's: the imputed row adds 0 to the squares, n = 3.
    expect(design.sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(Array.from(design.columns[1])).toEqual([-1, 0, 1].map((v) => v / Math.sqrt(2 / 3)));
    // Missing on every training row: a constant, left out.
    expect(standardizeDesign([[NaN], [NaN], [5]], [0, 1]).kept).toEqual([]);
  });
});
