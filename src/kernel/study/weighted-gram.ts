import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * The two linear-algebra steps of a Newton (IRLS) logistic fit: the weighted Gram matrix XᵀWX
 * and the Cholesky factor of the penalised Hessian, which ml-matrix provides.
 */

// Read through a local: under jest's vm sandbox every global lookup is ~100× slower.
const { max } = Math;

/**
 * XᵀWX with W = diag(p(1 − p)), row-major and exactly symmetric. Hand-written rather than
 * ml-matrix's gram(): on column-major typed arrays, 2 × 2 register blocks (two weighted columns
 * against two plain ones per pass, four sums) run about three times faster, and this is the one
 * O(n·p²) step of the whole study.
 */
export function weightedGram(columns: Float64Array[], prob: Float64Array, n: number): Float64Array {
  const m = columns.length;
  const out = new Float64Array(m * m);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = prob[i] * (1 - prob[i]);
  const wa0 = new Float64Array(n);
  const wa1 = new Float64Array(n);
  const put = (a: number, b: number, value: number) => {
    out[a * m + b] = value;
    out[b * m + a] = value;
  };
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const ca0 = columns[a];
    const ca1 = columns[a + 1];
    for (let i = 0; i < n; i++) {
      wa0[i] = ca0[i] * w[i];
      wa1[i] = ca1[i] * w[i];
    }
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    for (let i = 0; i < n; i++) {
      s00 += wa0[i] * ca0[i];
      s01 += wa0[i] * ca1[i];
      s11 += wa1[i] * ca1[i];
    }
    put(a, a, s00);
    put(a, a + 1, s01);
    put(a + 1, a + 1, s11);
    let b = a + 2;
    for (; b + 1 < m; b += 2) {
      const c0 = columns[b];
      const c1 = columns[b + 1];
      let t00 = 0;
      let t01 = 0;
      let t10 = 0;
      let t11 = 0;
      for (let i = 0; i < n; i++) {
        const u = wa0[i];
        const v = wa1[i];
        const x0 = c0[i];
        const x1 = c1[i];
        t00 += u * x0;
        t01 += u * x1;
        t10 += v * x0;
        t11 += v * x1;
      }
      put(a, b, t00);
      put(a, b + 1, t01);
      put(a + 1, b, t10);
      put(a + 1, b + 1, t11);
    }
    if (b < m) {
      put(a, b, dot(wa0, columns[b], n));
      put(a + 1, b, dot(wa1, columns[b], n));
    }
  }
  if (a < m) {
    // The odd last column: only its diagonal entry is left.
    const c = columns[a];
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i] * c[i] * w[i];
    put(a, a, s);
  }
  return out;
}

/**
 * Cholesky factor of XᵀWX + λ·diag(0, 1, …, 1). When that is not positive definite (λ = 0 with
 * collinear features, or weights underflowing under separation) a ridge of 1e-10 × the largest
 * diagonal entry is added — enough for a descent direction, too small to move a well-posed fit.
 */
export function factorise(xwx: Float64Array, m: number, lambda: number): CholeskyDecomposition {
  const matrix = Matrix.from1DArray(m, m, xwx);
  for (let j = 1; j < m; j++) matrix.set(j, j, matrix.get(j, j) + lambda);
  let factor = new CholeskyDecomposition(matrix);
  if (factor.isPositiveDefinite()) return factor;
  let largest = 0;
  for (let j = 0; j < m; j++) largest = max(largest, matrix.get(j, j));
  const ridge = 1e-10 * max(largest, 1e-12);
  for (let attempt = 0; attempt < 12 && !factor.isPositiveDefinite(); attempt++) {
    for (let j = 0; j < m; j++) matrix.set(j, j, matrix.get(j, j) + ridge * 10 ** attempt);
    factor = new CholeskyDecomposition(matrix);
  }
  if (!factor.isPositiveDefinite()) throw new Error('the Hessian is not positive definite even with a ridge');
  return factor;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
