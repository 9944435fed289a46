import { expectedLevel, monotoneCumulative } from './cumulative-ordinal';
import { logistic, mulberry32, normal } from './random';
import { spearman } from './rank-correlation';
import { runStudy, type StudyInput } from './run-study';

/**
 * An ordinal 1–5 outcome from a latent logistic variable: y* = signal·(0.8·x₀ − 0.6·x₁) + noise,
 * cut at fixed points, so every cut "≥ k" depends on the same planted score. x₂…x₄ are noise
 * features. Groups of 25 rows stand for waves.
 */
function ordinalData(seed: number, n: number, signal: number): { input: StudyInput; latent: number[] } {
  const random = mulberry32(seed);
  const cuts = [-1.6, -0.4, 0.6, 1.8];
  const features: number[][] = [];
  const outcome: number[] = [];
  const groups: string[] = [];
  const latent: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [normal(random), normal(random), normal(random), normal(random), normal(random)];
    const score = signal * (0.8 * x[0] - 0.6 * x[1]);
    const y = score + logistic(random);
    features.push(x);
    outcome.push(1 + cuts.filter((c) => y >= c).length);
    groups.push(`w${Math.floor(i / 25)}`);
    latent.push(score);
  }
  return {
    input: { features, featureNames: ['x0', 'x1', 'x2', 'x3', 'x4'], outcome, groups, seed, options: { resamples: 400 } },
    latent,
  };
}

describe('cumulative ordinal model (Frank & Hall)', () => {
  it('When cut probabilities cross, Then the pool-adjacent-violators fit makes them non-increasing with the least change', () => {
    expect(monotoneCumulative([0.9, 0.6, 0.3])).toEqual([0.9, 0.6, 0.3]);
    monotoneCumulative([0.8, 0.9, 0.3]).forEach((v, k) => expect(v).toBeCloseTo([0.85, 0.85, 0.3][k], 12));
    const pooled = monotoneCumulative([0.5, 0.2, 0.4, 0.6]);
    // 0.2, 0.4, 0.6 violate in a run: pooled to their mean 0.4, still below 0.5.
    pooled.forEach((v, k) => expect(v).toBeCloseTo([0.5, 0.4, 0.4, 0.4][k], 12));
  });

  it('When the expected level is computed, Then it is L₀ + Σ gap·P(Y ≥ L_k)', () => {
    expect(expectedLevel([1, 2, 3, 4, 5], [1, 1, 1, 1])).toBe(5);
    expect(expectedLevel([1, 2, 3, 4, 5], [0, 0, 0, 0])).toBe(1);
    // P(1..5) = .1 .2 .3 .2 .2: mean 3.2.
    expect(expectedLevel([1, 2, 3, 4, 5], [0.9, 0.7, 0.4, 0.2])).toBeCloseTo(3.2, 12);
    expect(expectedLevel([0, 2, 7], [0.5, 0.25])).toBeCloseTo(0 + 2 * 0.5 + 5 * 0.25, 12);
    expect(() => expectedLevel([1, 2, 3], [0.5])).toThrow(/1 cumulative/);
  });

  it('When an ordinal outcome carries a planted signal, Then the cumulative model recovers its Spearman ρ within its interval, per cut', () => {
    const { input, latent } = ordinalData(31, 1500, 1.2);
    const result = runStudy(input);
    // The truth: ρ of the noiseless planted score with the outcome on a large sample.
    const truthData = ordinalData(99, 60_000, 1.2);
    const truthRho = spearman(truthData.latent, truthData.input.outcome)!;
    expect(truthRho).toBeGreaterThan(0.4);

    expect(result.outcome).toMatchObject({ kind: 'ordinal', levels: [1, 2, 3, 4, 5], ordinalModel: 'cumulative' });
    const ordinal = result.ordinal!;
    expect(ordinal.model).toBe('cumulative');
    expect(ordinal.score).toBe('expected-level');
    expect(Math.abs(ordinal.spearman! - truthRho)).toBeLessThan(0.05);
    expect(ordinal.spearmanInterval.lower!).toBeLessThanOrEqual(truthRho);
    expect(ordinal.spearmanInterval.upper!).toBeGreaterThanOrEqual(truthRho);
    expect(ordinal.spearmanInterval.lower!).toBeGreaterThan(0.3);
    // In-sample ρ of the planted score on the same rows, for scale: out-of-fold cannot beat it by much.
    expect(ordinal.spearman!).toBeLessThan(spearman(latent, input.outcome)! + 0.03);

    // K − 1 = 4 cuts, each its own model with the planted signs, and an AUC per cut.
    expect(ordinal.cuts.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    for (const cut of ordinal.cuts) {
      const [x0, x1, ...noise] = cut.coefficients;
      expect(x0.standardized).toBeGreaterThan(0.3);
      expect(x1.standardized).toBeLessThan(-0.2);
      for (const c of noise) expect(Math.abs(c.standardized)).toBeLessThan(Math.abs(x0.standardized) / 3);
      expect(cut.recalibration.fitted).toBe(true);
    }
    expect(ordinal.cumulative.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    for (const cut of ordinal.cumulative) expect(cut.auc!).toBeGreaterThan(0.7);

    // The headline figures are the cut ≥ positiveFrom's: its probabilities, calibrated.
    const positiveFrom = result.outcome.positiveFrom!;
    const cutAuc = ordinal.cumulative.find((c) => c.threshold === positiveFrom)!.auc;
    expect(result.outOfFold.auc).toBe(cutAuc);
    expect(result.outOfFold.brierSkill!).toBeGreaterThan(0);
    expect(Math.abs(result.outOfFold.calibrationSlope! - 1)).toBeLessThan(0.25);
    expect(result.coefficients).toEqual(ordinal.cuts.find((c) => c.threshold === positiveFrom)!.coefficients);
    // Four cuts of nested cross-validation were run.
    expect(result.crossValidation.fits).toBeGreaterThan(4 * 5 * 7);
    expect(result.caveats.join('\n')).toMatch(/modelled cumulatively \(Frank & Hall\): 4 models/);
  });

  it('When the ordinal outcome is pure noise, Then the Spearman interval covers 0 and the caveat says so', () => {
    const { input } = ordinalData(32, 1200, 0);
    const result = runStudy(input);
    const interval = result.ordinal!.spearmanInterval;
    expect(interval.lower!).toBeLessThanOrEqual(0);
    expect(interval.upper!).toBeGreaterThanOrEqual(0);
    expect(Math.abs(result.ordinal!.spearman!)).toBeLessThan(0.08);
    expect(result.outOfFold.brierSkill!).toBeLessThanOrEqual(0.01);
    expect(result.caveats.join('\n')).toMatch(/covers 0, no evidence the model orders the scale/);
  });

  it('When the threshold model is asked for, Then one model of ≥ positiveFrom is fitted as before and the result says which', () => {
    const { input } = ordinalData(33, 600, 1.2);
    const result = runStudy({ ...input, options: { resamples: 200, ordinalModel: 'threshold', ordinalPositiveFrom: 4 } });
    expect(result.outcome).toEqual({ kind: 'ordinal', levels: [1, 2, 3, 4, 5], positiveFrom: 4, ordinalModel: 'threshold' });
    expect(result.ordinal!.model).toBe('threshold');
    expect(result.ordinal!.score).toBe('probability');
    expect(result.ordinal!.cuts).toEqual([]);
    expect(result.ordinal!.spearmanInterval.lower).not.toBeNull();
    expect(result.caveats.join('\n')).toMatch(/fitted to outcome ≥ 4/);
  });

  it('When the outcome is binary, Then no ordinal model is named', () => {
    const { input } = ordinalData(34, 300, 1.2);
    const result = runStudy({ ...input, outcome: input.outcome.map((v) => (v >= 3 ? 1 : 0)), options: { resamples: 100 } });
    expect(result.outcome).toEqual({ kind: 'binary', levels: [0, 1], positiveFrom: null, ordinalModel: null });
    expect(result.ordinal).toBeNull();
  });
});
