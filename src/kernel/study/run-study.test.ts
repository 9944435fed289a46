import { runStudy, type StudyInput } from './run-study';
import { spearman } from './rank-correlation';
import { mulberry32 } from './random';
import {
  featureCeilingAuc,
  generateSpeedDating,
  SIGNAL,
  type SyntheticStudy,
  type SyntheticStudyOptions,
} from './synthetic-speed-dating';

/** The three planted measures plus four profile columns that carry no signal. */
function profileInput(study: SyntheticStudy, seed: number, outcome: 'decision' | 'rating' = 'decision'): StudyInput {
  const byId = new Map(study.people.map((p) => [p.id, p]));
  return {
    features: study.pairs.map((p) => {
      const rater = byId.get(p.rater)!;
      const partner = byId.get(p.partner)!;
      return [p.interestCorrelation, p.importanceFit, p.ageGap, rater.age, partner.age, rater.selfRatings[0], partner.importance[0]];
    }),
    featureNames: [
      'interest_correlation',
      'importance_fit',
      'age_gap',
      'rater_age',
      'partner_age',
      'rater_self_attractive',
      'partner_importance_attractive',
    ],
    outcome: study.pairs.map((p) => p[outcome]),
    groups: study.pairs.map((p) => p.wave),
    seed,
  };
}

const generate = (options: SyntheticStudyOptions) => generateSpeedDating(options);

describe('runStudy (acceptance)', () => {
  // The truth: the AUC of the generator's noiseless feature-level probabilities on a large
  // sample (≈ 62,000 pairs). Person effects are left out of it on purpose — no model of the
  // profile features can know them for new people.
  let truth: number;
  let truthStudy: SyntheticStudy;
  beforeAll(() => {
    truthStudy = generate({ seed: 2024, people: 6000, signal: SIGNAL.strong });
    truth = featureCeilingAuc(truthStudy);
  });

  it('When a signal is planted (true AUC ≈ 0.75), Then out-of-fold AUC recovers it within ±0.03 and its 95% interval covers it', () => {
    expect(Math.abs(truth - 0.75)).toBeLessThan(0.01);
    const result = runStudy(profileInput(generate({ seed: 11, signal: SIGNAL.strong }), 11));
    const { auc, interval } = result.outOfFold;
    expect(Math.abs(auc! - truth)).toBeLessThanOrEqual(0.03);
    expect(interval.lower!).toBeLessThanOrEqual(truth);
    expect(interval.upper!).toBeGreaterThanOrEqual(truth);
    expect(interval.resamples).toBe(1000);
    // Seven features for ~3,000 pairs: hardly any optimism, and the probabilities have skill.
    expect(result.optimism!).toBeLessThan(0.02);
    expect(result.outOfFold.brierSkill!).toBeGreaterThan(0.1);
    expect(result.outOfFold.calibrationSlope!).toBeGreaterThan(0.85);
    expect(result.outOfFold.calibrationSlope!).toBeLessThan(1.15);
    expect(result.outOfFold.calibration.length).toBe(10);
    expect(result.outOfFold.calibration.reduce((s, b) => s + b.count, 0)).toBe(result.n);
    // The planted measures carry the model; age gap lowers it.
    const coefficient = (name: string) => result.coefficients.find((c) => c.name === name)!.standardized;
    expect(coefficient('interest_correlation')).toBeGreaterThan(0.2);
    expect(coefficient('importance_fit')).toBeGreaterThan(0.2);
    expect(coefficient('age_gap')).toBeLessThan(-0.2);
    expect(Math.abs(coefficient('rater_age'))).toBeLessThan(0.1);
    expect(result.caveats.some((c) => c.includes('covers 0.5'))).toBe(false);
  });

  it('When there is no signal, Then the interval covers 0.5, Brier skill is ≤ 0, and the caveats say so', () => {
    const result = runStudy({ ...profileInput(generate({ seed: 11, signal: SIGNAL.none }), 11), options: { resamples: 400 } });
    const { interval, brierSkill } = result.outOfFold;
    expect(interval.lower!).toBeLessThanOrEqual(0.5);
    expect(interval.upper!).toBeGreaterThanOrEqual(0.5);
    expect(brierSkill!).toBeLessThanOrEqual(0);
    expect(result.caveats.join('\n')).toMatch(/covers 0\.5 — no evidence of predictive value/);
    expect(result.caveats.join('\n')).toMatch(/Brier skill -?0\.\d+ ≤ 0/);
    // Nothing to learn: the penalty goes to the strong end of the grid.
    expect(result.crossValidation.chosenLambda).toBeGreaterThanOrEqual(10);
  });

  it('When the outcome is an ordinal 1–5 rating, Then Spearman and the cumulative AUCs match the truth', () => {
    const result = runStudy({
      ...profileInput(generate({ seed: 12, signal: SIGNAL.strong }), 12, 'rating'),
      options: { resamples: 300 },
    });
    expect(result.outcome.kind).toBe('ordinal');
    expect(result.outcome.levels).toEqual([1, 2, 3, 4, 5]);
    expect(result.outcome.positiveFrom).toBe(4); // the most balanced cut (about 44% rate ≥ 4)
    const truthRho = spearman(
      truthStudy.pairs.map((p) => p.plantedLogit),
      truthStudy.pairs.map((p) => p.rating),
    )!;
    expect(Math.abs(result.ordinal!.spearman! - truthRho)).toBeLessThan(0.05);
    expect(result.ordinal!.cumulative.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    for (const cut of result.ordinal!.cumulative) expect(cut.auc!).toBeGreaterThan(0.65);
    // The model's binary target is rating ≥ 4, i.e. the decision: its AUC is the planted one.
    expect(Math.abs(result.outOfFold.auc! - truth)).toBeLessThan(0.03);
    expect(result.caveats.join('\n')).toMatch(/modelled cumulatively \(Frank & Hall\).*cut ≥ 4/);
  });

  it('When baselines are given, Then ΔAUC is a paired interval: the model beats noise but not the planted truth', () => {
    const study = generate({ seed: 14, signal: SIGNAL.strong });
    const random = mulberry32(8);
    const result = runStudy({
      ...profileInput(study, 14),
      baselines: [
        { name: 'coin', score: study.pairs.map(() => random()) },
        { name: 'planted', score: study.pairs.map((p) => p.plantedLogit) },
      ],
      options: { resamples: 500 },
    });
    const [coin, planted] = result.baselines;
    expect(coin.delta.lower!).toBeGreaterThan(0);
    expect(coin.delta.shareAtOrBelowZero).toBe(0);
    expect(coin.delta.estimate!).toBeCloseTo(result.outOfFold.auc! - coin.auc!, 12);
    // The planted logit is the best ranking there is: the fitted model cannot beat it.
    expect(planted.delta.lower!).toBeLessThan(0);
    expect(planted.delta.shareAtOrBelowZero!).toBeGreaterThan(0.5);
    expect(result.caveats).toContain(
      `The model beats coin: ΔAUC ${coin.delta.estimate!.toFixed(3)} (95% interval ${coin.delta.lower!.toFixed(3)}–${coin.delta.upper!.toFixed(3)}).`,
    );
    expect(result.caveats.join('\n')).toMatch(/(No evidence the model beats planted|The model is worse than planted)/);
  });

  it('When the study is small and the features many, Then it says n is too small and that it overfits', () => {
    const study = generate({ seed: 15, people: 60, waveSize: { min: 8, max: 12 }, signal: SIGNAL.weak });
    const random = mulberry32(2);
    const input = profileInput(study, 15);
    const result = runStudy({
      ...input,
      features: input.features.map((row) => [...row, ...Array.from({ length: 40 }, () => random())]),
      featureNames: [...input.featureNames, ...Array.from({ length: 40 }, (_, j) => `noise_${j}`)],
      options: { resamples: 300 },
    });
    expect(result.power!.enough).toBe(false);
    expect(result.power!.pairsNeeded).toBeGreaterThan(result.n);
    const text = result.caveats.join('\n');
    expect(text).toMatch(/n too small for ±0\.05: the 95% interval is about ±0\.\d+ now; about \d+ pairs would be needed/);
    expect(text).toMatch(/Only \d+ groups/);
    expect(text).toMatch(/In-sample AUC 0\.\d+ exceeds out-of-fold by 0\.\d+: overfitting/);
    expect(text).toMatch(/events per feature/);
  });

  it('When run twice with the same seed, Then the result is identical', () => {
    const input = { ...profileInput(generate({ seed: 16, people: 120 }), 16), options: { resamples: 200 } };
    expect(runStudy(input)).toEqual(runStudy(input));
  });

  it('When the input is malformed, Then it refuses with the reason', () => {
    const input = profileInput(generate({ seed: 17, people: 60 }), 17);
    expect(() => runStudy({ ...input, groups: input.groups.slice(1) })).toThrow(/groups have/);
    expect(() => runStudy({ ...input, outcome: input.outcome.map(() => 1) })).toThrow(/single value/);
    expect(() => runStudy({ ...input, baselines: [{ name: 'b', score: [1] }] })).toThrow(/baseline b/);
    const withInfinity = input.features.map((row, i) => (i === 3 ? [Infinity, ...row.slice(1)] : row));
    expect(() => runStudy({ ...input, features: withInfinity })).toThrow(/only NaN \(missing\) or finite/);
  });
});
