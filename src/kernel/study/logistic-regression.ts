import { type CholeskyDecomposition, Matrix } from 'ml-matrix';

import { type StandardizedDesign, standardizeDesign } from './standardized-design';
import { factorise, weightedGram } from './weighted-gram';

// Math and Number are read through module constants because hot loops run under jest's vm
// sandbox too, where every global lookup costs ~100× a local one.
const { abs, exp, log, log1p, max, min } = Math;
const { isNaN } = Number;

/**
 * L2-regularised logistic regression by Newton–Raphson (IRLS), the model behind a validation
 * study's out-of-fold predictions.
 *
 * Objective (minimised): Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + (λ/2)·Σⱼ βⱼ², over the coefficients of the
 * standardised features; the intercept is not penalised (penalising it would pull every
 * prediction toward 50% and wreck calibration). This is scikit-learn's
 * LogisticRegression(C = 1/λ) after StandardScaler (population SDs), so λ means the same thing
 * as there: the penalty sits beside a *sum* of log-losses, and its strength relative to the data
 * falls as n grows.
 *
 * Features are standardised inside the fit with the training rows' means and SDs — never the
 * test rows' — so a cross-validated prediction has seen nothing of its fold. A feature constant
 * on the training rows is dropped (coefficient 0): it carries no information there and would
 * make the unpenalised Hessian singular.
 *
 * Speed (a 5,000 × 200 nested cross-validation runs ~150 fits): the O(n·p²) Hessian XᵀWX is
 * the only expensive step, so it is reused while it still works. After a fresh Hessian the fit
 * takes "chord" steps with the same factorisation (each O(n·p)), and recomputes the Hessian only
 * when the steps stop shrinking fast. A warm start (the previous λ's solution and its XᵀWX)
 * usually needs one Hessian or none. A step-halving line search on the objective keeps every
 * step — fresh or stale — a descent step, so reuse never costs correctness, only iterations.
 */

export interface LogisticWarmStart {
  /** Coefficients on the standardised scale, intercept first, one per design column. */
  coefficients: ArrayLike<number>;
  /** XᵀWX (unpenalised, row-major) at or near those coefficients, for the same design. */
  xwx?: Float64Array;
}

export interface LogisticFitOptions {
  /** L2 strength λ ≥ 0 (0 = plain maximum likelihood). */
  lambda: number;
  maxIterations?: number;
  /** Converged when the estimated distance to the optimum (largest coefficient, standardised scale) is below this. */
  tolerance?: number;
  warmStart?: LogisticWarmStart;
  /**
   * Reuse a Hessian across steps while that is cheaper (default true). False forces plain Newton
   * (a fresh XᵀWX every step): slower, same optimum — the tests compare the two.
   */
  reuseHessian?: boolean;
}

export interface LogisticModel {
  lambda: number;
  means: number[];
  sds: number[];
  /** Per raw feature: false when it was constant on the training rows and so left out. */
  used: boolean[];
  /** Intercept and coefficients per SD of each feature (the penalised scale). */
  interceptStandardized: number;
  coefficientsStandardized: number[];
  /** The same model on the features' own units: logit p = intercept + Σ coefficientⱼ·xⱼ. */
  intercept: number;
  coefficients: number[];
  /** Penalised negative log-likelihood at the solution. */
  objective: number;
  iterations: number;
  hessianEvaluations: number;
  converged: boolean;
  /** The state to warm-start a neighbouring λ on the same design. */
  warmStart: LogisticWarmStart;
  /** Linear predictor (log-odds) for raw feature rows (NaN = missing: the training mean), optionally only the listed rows. */
  linearPredictor(x: readonly (readonly number[])[], rows?: ArrayLike<number>): number[];
  /** Predicted probabilities for raw feature rows, optionally only the listed rows. */
  predict(x: readonly (readonly number[])[], rows?: ArrayLike<number>): number[];
}

/** Fits on all rows of `x` (or the listed `rows`), standardising with those rows only. */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: ArrayLike<number>,
  options: LogisticFitOptions,
  rows?: ArrayLike<number>,
): LogisticModel {
  const design = standardizeDesign(x, rows);
  const labels = rows ? Float64Array.from(rows as ArrayLike<number>, (r) => y[r]) : Float64Array.from(y);
  return fitStandardized(design, labels, options);
}

/** Fits on a prepared design; `y` holds the 0/1 outcome of the design's rows, in order. */
export function fitStandardized(design: StandardizedDesign, y: ArrayLike<number>, options: LogisticFitOptions): LogisticModel {
  const { lambda } = options;
  if (!(lambda >= 0)) throw new Error(`lambda must be ≥ 0, got ${lambda}`);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  const reuseHessian = options.reuseHessian ?? true;
  const n = design.rows;
  const m = design.columns.length;
  if (y.length !== n) throw new Error(`y has ${y.length} rows, the design ${n}`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`y[${i}] is ${y[i]}, not 0 or 1`);
    positives += y[i];
  }

  const beta = new Float64Array(m);
  let xwx: Float64Array | null = null;
  if (options.warmStart) {
    if (options.warmStart.coefficients.length !== m) throw new Error('warm start does not match the design');
    beta.set(options.warmStart.coefficients);
    xwx = options.warmStart.xwx ?? null;
  } else {
    // Start at the base rate: then W is constant and the first step is well scaled.
    const rate = min(max(positives / n, 1e-6), 1 - 1e-6);
    beta[0] = log(rate / (1 - rate));
  }

  const eta = new Float64Array(n);
  const prob = new Float64Array(n);
  const trialEta = new Float64Array(n);
  linear(design.columns, beta, eta);
  let objective = penalisedLoss(eta, y, beta, lambda);

  let factor: CholeskyDecomposition | null = xwx && reuseHessian ? factorise(xwx, m, lambda) : null;
  let fresh = false;
  let previousStep = Infinity;
  let iterations = 0;
  let hessianEvaluations = 0;
  let converged = false;
  const gradient = new Float64Array(m);
  const trial = new Float64Array(m);

  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) prob[i] = sigmoid(eta[i]);
    // Ascent direction of the penalised log-likelihood: Xᵀ(y − p) − λ·β (intercept unpenalised).
    const residual = trialEta; // reuse the buffer: trialEta is rewritten before its next read
    for (let i = 0; i < n; i++) residual[i] = y[i] - prob[i];
    for (let j = 0; j < m; j++) gradient[j] = dot(design.columns[j], residual, n) - (j === 0 ? 0 : lambda * beta[j]);

    if (factor === null) {
      xwx = weightedGram(design.columns, prob, n);
      factor = factorise(xwx, m, lambda);
      hessianEvaluations++;
      fresh = true;
    }
    const step = factor.solve(Matrix.columnVector(gradient)).getColumn(0);

    // Step-halving: accept the first step length that does not increase the objective.
    let accepted = false;
    let t = 1;
    let trialObjective = Infinity;
    for (let halvings = 0; halvings < 40; halvings++) {
      for (let j = 0; j < m; j++) trial[j] = beta[j] + t * step[j];
      linear(design.columns, trial, trialEta);
      trialObjective = penalisedLoss(trialEta, y, trial, lambda);
      if (trialObjective <= objective + 1e-12 * abs(objective)) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      if (!fresh) {
        // A stale Hessian pointed badly: refresh it and try again before giving up.
        factor = null;
        continue;
      }
      // Even a fresh Newton direction cannot lower the objective: we are at its floor in
      // floating point.
      converged = maxAbs(gradient) < 1e-6 * max(1, n);
      break;
    }
    let moved = 0;
    for (let j = 0; j < m; j++) {
      const change = t * step[j];
      moved = max(moved, abs(change));
      beta[j] = trial[j];
    }
    eta.set(trialEta);
    objective = trialObjective;
    // Distance left to the optimum: after a fresh Newton step it is far below the step itself
    // (quadratic convergence); after a chord step with contraction r it is about step·r/(1 − r),
    // which a slow chord would hide if the step alone were compared with the tolerance.
    // A first chord step (after a warm start) has no ratio yet: it must be followed by another.
    const ratio = previousStep === Infinity ? NaN : moved / previousStep;
    let left: number;
    if (fresh || moved === 0) left = moved;
    else left = ratio < 1 ? (moved * ratio) / (1 - ratio) : Infinity;
    if (left < tolerance) {
      converged = true;
      break;
    }
    // Keep a stale factorisation while finishing with it is cheaper than a new Hessian: chord
    // steps shrink geometrically (ratio r), so about log(tolerance / step) / log(r) remain, each
    // costing O(n·m) against the Hessian's O(n·m²) — worth about m/12 steps here.
    if (!reuseHessian) factor = null;
    else if (!fresh) {
      // (No ratio yet after a warm start's first step: take a second step to measure one.)
      const remaining = isNaN(ratio) ? 0 : ratio < 1 ? log(tolerance / moved) / log(ratio) : Infinity;
      if (remaining > max(4, m / 12)) factor = null;
    }
    fresh = false;
    previousStep = moved;
  }

  // The warm start carries an XᵀWX at the solution's neighbourhood for the next λ.
  if (xwx === null) {
    for (let i = 0; i < n; i++) prob[i] = sigmoid(eta[i]);
    xwx = weightedGram(design.columns, prob, n);
  }
  return buildModel(design, beta, lambda, objective, iterations, hessianEvaluations, converged, xwx);
}

function buildModel(
  design: StandardizedDesign,
  beta: Float64Array,
  lambda: number,
  objective: number,
  iterations: number,
  hessianEvaluations: number,
  converged: boolean,
  xwx: Float64Array,
): LogisticModel {
  const p = design.features;
  const coefficientsStandardized = new Array<number>(p).fill(0);
  const coefficients = new Array<number>(p).fill(0);
  const used = new Array<boolean>(p).fill(false);
  let intercept = beta[0];
  design.kept.forEach((j, k) => {
    const b = beta[k + 1];
    used[j] = true;
    coefficientsStandardized[j] = b;
    coefficients[j] = b / design.sds[j];
    intercept -= (b * design.means[j]) / design.sds[j];
  });
  const linearPredictor = (x: readonly (readonly number[])[], rows?: ArrayLike<number>): number[] => {
    const count = rows ? rows.length : x.length;
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const row = x[rows ? rows[i] : i];
      if (row.length !== p) throw new Error(`row has ${row.length} features, the model ${p}`);
      // Through the standardised scale, exactly as fitted (the raw coefficients are the same
      // model but accumulate rounding differently).
      let s = beta[0];
      for (let k = 0; k < design.kept.length; k++) {
        const j = design.kept[k];
        const v = row[j];
        // Missing (NaN): imputed with the training mean, which standardises to 0.
        if (!isNaN(v)) s += (beta[k + 1] * (v - design.means[j])) / design.sds[j];
      }
      out[i] = s;
    }
    return out;
  };
  return {
    lambda,
    means: Array.from(design.means),
    sds: Array.from(design.sds),
    used,
    interceptStandardized: beta[0],
    coefficientsStandardized,
    intercept,
    coefficients,
    objective,
    iterations,
    hessianEvaluations,
    converged,
    warmStart: { coefficients: Float64Array.from(beta), xwx },
    linearPredictor,
    predict: (x, rows) => linearPredictor(x, rows).map(sigmoid),
  };
}

/**
 * A warm start for a *different* design (another training set, so other means and SDs, maybe
 * other constant columns) from a fitted model: the same linear predictor re-expressed on the new
 * standardisation, so the fit starts exactly where the old model stands. Its XᵀWX is carried
 * over by the same change of variables (exact for the old rows and weights) and multiplied by
 * `rowScale` (new rows / old rows) to stand in for the new rows; it is left out when the new
 * design has a column the old model never saw.
 */
export function warmStartFor(model: LogisticModel, design: StandardizedDesign, rowScale = 1): LogisticWarmStart {
  const m = design.columns.length;
  const coefficients = new Float64Array(m);
  let intercept = model.intercept;
  design.kept.forEach((j, k) => {
    const raw = model.coefficients[j];
    coefficients[k + 1] = raw * design.sds[j];
    intercept += raw * design.means[j];
  });
  coefficients[0] = intercept;

  const old = model.warmStart.xwx;
  const oldColumn = new Map<number, number>();
  model.used.forEach((used, j) => {
    if (used) oldColumn.set(j, oldColumn.size + 1);
  });
  if (!old || !design.kept.every((j) => oldColumn.has(j))) return { coefficients };
  const oldM = oldColumn.size + 1;
  // New column a = s[a]·(old column o[a]) + t[a]·(intercept column), since
  // (x − μ′)/σ′ = (σ/σ′)·(x − μ)/σ + (μ − μ′)/σ′.
  const o = [0];
  const s = [1];
  const t = [0];
  for (const j of design.kept) {
    o.push(oldColumn.get(j)!);
    s.push(model.sds[j] / design.sds[j]);
    t.push((model.means[j] - design.means[j]) / design.sds[j]);
  }
  const xwx = new Float64Array(m * m);
  const h00 = old[0];
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const value =
        s[a] * s[b] * old[o[a] * oldM + o[b]] +
        s[a] * t[b] * old[o[a] * oldM] +
        t[a] * s[b] * old[o[b]] +
        t[a] * t[b] * h00;
      xwx[a * m + b] = value * rowScale;
      xwx[b * m + a] = value * rowScale;
    }
  }
  return { coefficients, xwx };
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

function penalisedLoss(eta: Float64Array, y: ArrayLike<number>, beta: ArrayLike<number>, lambda: number): number {
  let loss = 0;
  for (let i = 0; i < eta.length; i++) loss += softplus(eta[i]) - y[i] * eta[i];
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += beta[j] * beta[j];
  return loss + (lambda / 2) * penalty;
}

function linear(columns: Float64Array[], beta: ArrayLike<number>, out: Float64Array): void {
  out.fill(beta[0]);
  const n = out.length;
  for (let j = 1; j < columns.length; j++) {
    const b = beta[j];
    if (b === 0) continue;
    const column = columns[j];
    for (let i = 0; i < n; i++) out[i] += b * column[i];
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(values: ArrayLike<number>): number {
  let out = 0;
  for (let i = 0; i < values.length; i++) out = max(out, abs(values[i]));
  return out;
}
