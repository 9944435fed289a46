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

  it('When a value is missing or a row is short, Then it refuses', () => {
    expect(() => standardizeDesign([[1], [NaN]])).toThrow(/impute first/);
    expect(() => standardizeDesign([[1, 2], [3]])).toThrow(/expected 2/);
  });
});
