import { fitLogistic, sigmoid } from './logistic-regression';
import { mulberry32, normal } from './random';

// mtcars (R's datasets package, Motor Trend 1974): weight (1000 lb), displacement (cu. in.),
// engine shape vs (0 = V-shaped, 1 = straight), in R's row order.
const WT = [
  2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615,
  1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78,
];
const DISP = [
  160, 160, 108, 258, 360, 225, 360, 146.7, 140.8, 167.6, 167.6, 275.8, 275.8, 275.8, 472, 460, 440, 78.7, 75.7, 71.1,
  120.1, 318, 304, 350, 400, 79, 120.3, 95.1, 351, 145, 301, 121,
];
const VS = [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1];
const MTCARS = WT.map((w, i) => [w, DISP[i]]);

describe('logistic regression', () => {
  it('When unpenalised on mtcars, Then it reproduces R glm(vs ~ wt + disp, family = binomial)', () => {
    // R's printed output (summary(glm(vs ~ wt + disp, data = mtcars, family = binomial)), as
    // published in David Lillis, "R Tutorial Series: glm", The Analysis Factor):
    // (Intercept) 1.60859, wt 1.62635, disp -0.03443; residual deviance 21.40 on 29 df.
    const model = fitLogistic(MTCARS, VS, { lambda: 0 });
    expect(model.converged).toBe(true);
    expect(model.intercept).toBeCloseTo(1.60859, 4);
    expect(model.coefficients[0]).toBeCloseTo(1.62635, 4);
    expect(model.coefficients[1]).toBeCloseTo(-0.03443, 5);
    expect(2 * model.objective).toBeCloseTo(21.4, 2);
  });

  it('When penalised, Then it matches an independent optimiser on the same objective to 1e-6', () => {
    // Reference: scipy.optimize.minimize (BFGS, gtol 1e-13; scipy 1.17.1) of
    // Σ softplus(η) − yη + λ/2·‖β‖² on mtcars (wt, disp) standardised with population SDs,
    // intercept unpenalised — i.e. sklearn's StandardScaler + LogisticRegression(C = 1/λ).
    const references = [
      { lambda: 1, standardized: [-0.52644912, -0.25734889, -1.59118155], intercept: 3.342784992767455, raw: [-0.26722341, -0.01304388] },
      { lambda: 10, standardized: [-0.3089887, -0.32908521, -0.54919157], intercept: 1.8291083448695682, raw: [-0.34171226, -0.00450206] },
    ];
    for (const ref of references) {
      const model = fitLogistic(MTCARS, VS, { lambda: ref.lambda });
      expect(model.converged).toBe(true);
      expect(Math.abs(model.interceptStandardized - ref.standardized[0])).toBeLessThan(1e-6);
      expect(Math.abs(model.coefficientsStandardized[0] - ref.standardized[1])).toBeLessThan(1e-6);
      expect(Math.abs(model.coefficientsStandardized[1] - ref.standardized[2])).toBeLessThan(1e-6);
      expect(Math.abs(model.intercept - ref.intercept)).toBeLessThan(1e-6);
      expect(Math.abs(model.coefficients[0] - ref.raw[0])).toBeLessThan(1e-6);
      expect(Math.abs(model.coefficients[1] - ref.raw[1])).toBeLessThan(1e-7);
    }
  });

  it('When the one feature is binary, Then the MLE is the two groups’ log-odds (analytic, to the 1e-8 step tolerance)', () => {
    // x = 0: 3 of 10 positive; x = 1: 6 of 8 positive. The saturated model's MLE reproduces
    // each group's observed rate: intercept = logit(0.3), slope = logit(0.75) − logit(0.3).
    const x = [...Array<number[]>(10).fill([0]), ...Array<number[]>(8).fill([1])];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0];
    const logit = (p: number) => Math.log(p / (1 - p));
    const model = fitLogistic(x, y, { lambda: 0 });
    expect(model.intercept).toBeCloseTo(logit(0.3), 7);
    expect(model.coefficients[0]).toBeCloseTo(logit(0.75) - logit(0.3), 7);
    expect(model.predict([[0], [1]])).toEqual([expect.closeTo(0.3, 8), expect.closeTo(0.75, 8)]);
  });

  it('When fitted on many features, Then the penalised gradient is zero at the solution', () => {
    const { x, y } = randomProblem(400, 20, 7);
    const lambda = 3;
    const model = fitLogistic(x, y, { lambda, tolerance: 1e-12 });
    // Recompute the gradient independently, on the raw scale, from the returned coefficients.
    const p = model.predict(x);
    const gradIntercept = y.reduce((s, yi, i) => s + (yi - p[i]), 0);
    expect(Math.abs(gradIntercept)).toBeLessThan(1e-8);
    for (let j = 0; j < 20; j++) {
      let g = 0;
      for (let i = 0; i < x.length; i++) g += ((x[i][j] - model.means[j]) / model.sds[j]) * (y[i] - p[i]);
      expect(Math.abs(g - lambda * model.coefficientsStandardized[j])).toBeLessThan(1e-7);
    }
  });

  it('When some rows are named, Then standardisation and fit use those rows only', () => {
    const { x, y } = randomProblem(300, 5, 11);
    const rows = Array.from({ length: 150 }, (_, i) => 2 * i);
    const viaRows = fitLogistic(x, y, { lambda: 1 }, rows);
    const viaCopy = fitLogistic(rows.map((r) => x[r]), rows.map((r) => y[r]), { lambda: 1 });
    expect(viaRows.means).toEqual(viaCopy.means);
    expect(viaRows.coefficientsStandardized).toEqual(viaCopy.coefficientsStandardized);
    const mean0 = rows.reduce((s, r) => s + x[r][0], 0) / rows.length;
    expect(viaRows.means[0]).toBeCloseTo(mean0, 12);
  });

  it('When a feature is constant, Then it is dropped with coefficient 0 and the rest still fits', () => {
    const x = MTCARS.map((row) => [row[0], 7, row[1]]);
    const model = fitLogistic(x, VS, { lambda: 0 });
    expect(model.used).toEqual([true, false, true]);
    expect(model.coefficients[1]).toBe(0);
    expect(model.coefficients[0]).toBeCloseTo(1.62635, 4);
  });

  it('When warm-started from a neighbouring λ, Then it reaches the same solution with less work', () => {
    const { x, y } = randomProblem(600, 30, 3);
    const first = fitLogistic(x, y, { lambda: 10 });
    const cold = fitLogistic(x, y, { lambda: 1 });
    const warm = fitLogistic(x, y, { lambda: 1, warmStart: first.warmStart });
    for (let j = 0; j < 30; j++) expect(Math.abs(warm.coefficients[j] - cold.coefficients[j])).toBeLessThan(1e-7);
    expect(warm.hessianEvaluations).toBeLessThanOrEqual(cold.hessianEvaluations);
  });

  it('When the Hessian is reused across steps, Then the optimum is the one plain Newton finds', () => {
    const { x, y } = randomProblem(800, 40, 21);
    for (const lambda of [0.1, 10]) {
      const start = fitLogistic(x, y, { lambda: 100 * lambda });
      const reused = fitLogistic(x, y, { lambda, warmStart: start.warmStart });
      const newton = fitLogistic(x, y, { lambda, reuseHessian: false });
      expect(newton.hessianEvaluations).toBe(newton.iterations);
      expect(reused.hessianEvaluations).toBeLessThan(newton.hessianEvaluations);
      for (let j = 0; j < 40; j++) expect(Math.abs(reused.coefficients[j] - newton.coefficients[j])).toBeLessThan(1e-7);
      expect(reused.objective).toBeCloseTo(newton.objective, 9);
    }
  });

  it('When the classes separate perfectly and λ = 0, Then it stops and says it did not converge', () => {
    const x = [[1], [2], [3], [4], [5], [6]];
    const y = [0, 0, 0, 1, 1, 1];
    const unpenalised = fitLogistic(x, y, { lambda: 0, maxIterations: 60 });
    expect(unpenalised.converged).toBe(false);
    const penalised = fitLogistic(x, y, { lambda: 1 });
    expect(penalised.converged).toBe(true);
    expect(Number.isFinite(penalised.coefficients[0])).toBe(true);
  });
});

function randomProblem(n: number, p: number, seed: number): { x: number[][]; y: number[] } {
  const random = mulberry32(seed);
  const truth = Array.from({ length: p }, (_, j) => (j < 3 ? 0.8 : 0.05 * normal(random)));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: p }, (_, j) => 3 + (j + 1) * normal(random));
    const eta = -0.5 + row.reduce((s, v, j) => s + (truth[j] * (v - 3)) / (j + 1), 0);
    x.push(row);
    y.push(random() < sigmoid(eta) ? 1 : 0);
  }
  return { x, y };
}
