import { mulberry32 } from './random';
import { factorise, weightedGram } from './weighted-gram';

describe('weighted Gram and Cholesky factor', () => {
  it('When computed with 2 × 2 blocks, Then XᵀWX equals the textbook triple loop (odd and even widths)', () => {
    const random = mulberry32(4);
    for (const m of [1, 2, 5, 8]) {
      const n = 37;
      const columns = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => random() - 0.5));
      const prob = Float64Array.from({ length: n }, () => random());
      const fast = weightedGram(columns, prob, n);
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          let naive = 0;
          for (let i = 0; i < n; i++) naive += columns[a][i] * prob[i] * (1 - prob[i]) * columns[b][i];
          expect(fast[a * m + b]).toBeCloseTo(naive, 12);
          expect(fast[a * m + b]).toBe(fast[b * m + a]);
        }
      }
    }
  });

  it('When the penalised Hessian is singular, Then a tiny ridge still gives a factor', () => {
    // Two identical columns and λ = 0: singular. The factor must exist and solve approximately.
    const singular = Float64Array.from([2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(factorise(singular, 3, 0).isPositiveDefinite()).toBe(true);
    // With λ > 0 on the non-intercept diagonal it is positive definite as it stands.
    const factor = factorise(singular, 3, 1);
    const l = factor.lowerTriangularMatrix;
    expect(l.mmul(l.transpose()).get(1, 1)).toBeCloseTo(2, 12);
  });
});
