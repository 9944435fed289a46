// Math and Number are read through module constants because hot loops run under jest's vm
// sandbox too, where every global lookup costs ~100× a local one.
const { abs, max, sqrt } = Math;
const { isFinite, isNaN } = Number;

/**
 * The design matrix a logistic fit works on: the training rows' features standardised with the
 * training rows' own means and population SDs (never the test rows'), stored column by column
 * with an intercept column of ones first. Column-major typed arrays keep the O(n·p²) Hessian
 * loop on contiguous memory. A feature constant on these rows is left out (`kept` lists the
 * rest): it carries no information here and would make the unpenalised Hessian singular.
 */
export interface StandardizedDesign {
  rows: number;
  /** Number of raw features (before dropping constant ones). */
  features: number;
  /**
   * Training means (over the values present) and population SDs (of the mean-imputed column) of
   * every raw feature. A missing value (NaN) is imputed with the training mean, so it
   * standardises to 0: the same rule applies to rows predicted later, and inside every
   * cross-validation fold the statistic comes from that fold's training rows only.
   */
  means: Float64Array;
  sds: Float64Array;
  /** Raw feature index of each design column after the intercept. */
  kept: number[];
  /** Column-major design: columns[0] is the intercept (all ones), then the standardised kept features. */
  columns: Float64Array[];
}

/** Builds the standardised column-major design of the given rows (default: all). */
export function standardizeDesign(x: readonly (readonly number[])[], rows?: ArrayLike<number>): StandardizedDesign {
  const n = rows ? rows.length : x.length;
  if (n === 0) throw new Error('no rows to fit');
  const rowAt = (i: number): readonly number[] => x[rows ? rows[i] : i];
  const p = rowAt(0).length;
  const means = new Float64Array(p);
  const sds = new Float64Array(p);
  const present = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    if (row.length !== p) throw new Error(`row ${rows ? rows[i] : i} has ${row.length} features, expected ${p}`);
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (isNaN(v)) continue;
      if (!isFinite(v)) throw new Error(`feature ${j} of row ${rows ? rows[i] : i} is ${v}: only NaN (missing) or finite values`);
      means[j] += v;
      present[j]++;
    }
  }
  // A feature missing on every training row becomes the constant 0, which is left out below.
  for (let j = 0; j < p; j++) means[j] = present[j] === 0 ? 0 : means[j] / present[j];
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    for (let j = 0; j < p; j++) {
      const v = row[j];
      // An imputed value sits at the mean and adds nothing to the sum of squares.
      if (!isNaN(v)) sds[j] += (v - means[j]) ** 2;
    }
  }
  const kept: number[] = [];
  for (let j = 0; j < p; j++) {
    sds[j] = sqrt(sds[j] / n);
    // Relative threshold: a column equal up to rounding is constant.
    if (sds[j] > 1e-12 * max(1, abs(means[j]))) kept.push(j);
  }
  const columns: Float64Array[] = [new Float64Array(n).fill(1)];
  for (const j of kept) {
    const column = new Float64Array(n);
    const m = means[j];
    const s = sds[j];
    for (let i = 0; i < n; i++) {
      const v = rowAt(i)[j];
      column[i] = isNaN(v) ? 0 : (v - m) / s;
    }
    columns.push(column);
  }
  return { rows: n, features: p, means, sds, kept, columns };
}
