import { parsePairs } from './dataset/parse-pairs';
import { parsePeople } from './dataset/parse-people';
import { assembleDataset, type StudyDataset } from './dataset/study-dataset';
import { buildFeatures } from './features/build-features';
import { runDatasetStudy } from './run-dataset-study';
import { featureCeilingAuc, generateSpeedDating, SIGNAL, type SyntheticStudyOptions } from './synthetic-speed-dating';
import { speedDatingCsv, speedDatingSchema } from './synthetic-speed-dating-csv';

/** The analyst's path: CSV text → parse → features → study. */
async function datasetOf(options: SyntheticStudyOptions, outcome: 'decision' | 'rating' = 'decision'): Promise<StudyDataset> {
  const files = speedDatingCsv(generateSpeedDating(options));
  const schema = speedDatingSchema(outcome);
  const people = await parsePeople(files.people, schema, 'csv');
  const pairs = await parsePairs(files.pairs, schema, people, 'csv');
  return assembleDataset(schema, people, pairs);
}

describe('runDatasetStudy (parse → features → study)', () => {
  it('When a signal is planted (feature ceiling ≈ 0.75), Then the out-of-fold AUC recovers it within ±0.03 and its interval covers it', async () => {
    // The truth: the planted feature-level logit's AUC on a large sample (person effects left out:
    // no model of profile features can know them for new people).
    const truth = featureCeilingAuc(generateSpeedDating({ seed: 2024, people: 6000, signal: SIGNAL.strong }));
    const dataset = await datasetOf({ seed: 11, signal: SIGNAL.strong });
    const features = buildFeatures(dataset);
    // The planted measures are derived from the people table, not read from the pair columns.
    expect(features.names).toEqual(expect.arrayContaining(['correlation:interests', 'importance_fit_a_to_b:importance', 'abs_diff:age']));
    expect(features.names.some((n) => n.includes('truth') || n.includes('popularity'))).toBe(false);
    const progress: { stage: string; fraction: number }[] = [];
    const result = runDatasetStudy(dataset, features, { seed: 11, onProgress: (p) => progress.push(p) });

    const { auc, interval } = result.outOfFold;
    expect(Math.abs(auc! - truth)).toBeLessThanOrEqual(0.03);
    expect(interval.lower!).toBeLessThanOrEqual(truth);
    expect(interval.upper!).toBeGreaterThanOrEqual(truth);
    expect(result.groups).toBe(dataset.stats.groups);
    // Automatic baselines: −|age difference| and the interest cosine; the model beats both.
    expect(result.baselines.map((b) => b.name)).toEqual(['−|age difference|', 'interest ratings cosine']);
    for (const b of result.baselines) expect(b.delta.lower!).toBeGreaterThan(0);
    expect(result.fairness!.attribute).toBe('person B category');
    // Progress climbs to 1 through the stages.
    expect(progress[0].stage).toBe('cross-validation');
    expect(progress.at(-1)).toEqual({ stage: 'done', fraction: 1 });
    for (let k = 1; k < progress.length; k++) expect(progress[k].fraction).toBeGreaterThanOrEqual(progress[k - 1].fraction);
  });

  it('When there is no signal, Then the interval covers 0.5 and Brier skill is ≤ 0', async () => {
    const dataset = await datasetOf({ seed: 12, signal: SIGNAL.none });
    const result = runDatasetStudy(dataset, buildFeatures(dataset), { seed: 12, resamples: 400 });
    expect(result.outOfFold.interval.lower!).toBeLessThanOrEqual(0.5);
    expect(result.outOfFold.interval.upper!).toBeGreaterThanOrEqual(0.5);
    expect(result.outOfFold.brierSkill!).toBeLessThanOrEqual(0);
    expect(result.caveats.join('\n')).toMatch(/covers 0\.5/);
  });

  it('When the outcome is the ordinal 1–5 rating, Then it is modelled as ≥ 4 with Spearman and cumulative AUCs', async () => {
    const dataset = await datasetOf({ seed: 13, people: 200, signal: SIGNAL.strong }, 'rating');
    const result = runDatasetStudy(dataset, buildFeatures(dataset), { seed: 13, resamples: 200 });
    expect(result.outcome).toEqual({ kind: 'ordinal', levels: [1, 2, 3, 4, 5], positiveFrom: 4, ordinalModel: 'cumulative' });
    expect(result.ordinal!.spearman!).toBeGreaterThan(0.2);
    expect(result.ordinal!.spearmanInterval.lower!).toBeGreaterThan(0);
    expect(result.ordinal!.cumulative.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    expect(result.ordinal!.cuts.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    const cut = runDatasetStudy(dataset, buildFeatures(dataset), { seed: 13, resamples: 200, ordinalPositiveFrom: 5, ordinalModel: 'threshold' });
    expect(cut.outcome).toMatchObject({ positiveFrom: 5, ordinalModel: 'threshold' });
  });

  it('When a feature is missing in part of one group whose other values are extreme, Then the held-out missing rows are imputed from the training folds only', async () => {
    // A planted missingness pattern: in one group (wave) half the pairs lack the extra feature
    // and the other half carry an extreme value, +50 in one run and −50 in the other. That group
    // is held out together (group folds), so its fold's model — imputation included — must be
    // the same in both runs, and so must the predictions of its pairs that lack the value. An
    // imputation computed over all pairs (or over the held-out fold) would move with the extreme
    // values and change those predictions.
    const dataset = await datasetOf({ seed: 14, people: 200, signal: SIGNAL.strong });
    const plain = buildFeatures(dataset);
    const planted = plain.groups[0];
    const rowsOf = plain.groups.map((g, i) => (g === planted ? i : -1)).filter((i) => i >= 0);
    const missingRows = rowsOf.filter((_, k) => k % 2 === 0);
    const extremeRows = rowsOf.filter((_, k) => k % 2 === 1);
    const run = (extreme: number, fillMissing: number | null = null) => {
      // Elsewhere the feature is informative (the outcome plus noise), so its coefficient is far from 0.
      const values = plain.outcome.map((y, i) => (plain.groups[i] === planted ? fillMissing : y + Math.sin(i * 12.9898) * 0.8));
      extremeRows.forEach((i) => (values[i] = extreme));
      const features = buildFeatures(dataset, { extraPairFeatures: [{ name: 'extra', description: 'planted', values }] });
      return { features, result: runDatasetStudy(dataset, features, { seed: 14, resamples: 100, innerFolds: 3 }) };
    };
    const high = run(50);
    const low = run(-50);
    const prediction = (r: typeof high, rows: number[]) => rows.map((i) => r.result.outOfFoldPredictions[i]);
    expect(prediction(high, missingRows)).toEqual(prediction(low, missingRows));
    // The control — the check above can fail: the all-pairs mean moves with the extreme values,
    // and filling the missing rows with it (imputation before the split) changes their predictions.
    const highMean = high.features.imputation.at(-1)!.mean;
    const lowMean = low.features.imputation.at(-1)!.mean;
    expect(highMean - lowMean).toBeGreaterThan(1);
    expect(prediction(run(50, highMean), missingRows)).not.toEqual(prediction(run(-50, lowMean), missingRows));
    // The extreme rows themselves are scored on their own values, so they differ.
    expect(prediction(high, extremeRows)).not.toEqual(prediction(low, extremeRows));
  });

  describe('When everyone has a strong popularity and no profile signal (person-level leakage)', () => {
    // The brief's leakage check with dataset-built features: a person-level attribute that
    // identifies the partner (their own id as a number, plus their ratings) lets a model learn
    // popularity — but only for people it has seen. Folds by wave keep every person's pairs
    // together, so nothing of it may reach the out-of-fold AUC.
    it('Then the group split holds: out-of-fold AUC stays at chance while in-sample looks good', async () => {
      const study = generateSpeedDating({ seed: 5, people: 120, signal: SIGNAL.none, popularitySd: 1.5, selectivitySd: 0.3 });
      const files = speedDatingCsv(study);
      const schema = speedDatingSchema();
      const people = await parsePeople(files.people, schema, 'csv');
      const pairs = await parsePairs(files.pairs, schema, people, 'csv');
      const dataset = assembleDataset(schema, people, pairs);
      // One indicator per partner as extra pair features: the strongest possible person signal.
      const ids = study.people.map((p) => String(p.id));
      const extraPairFeatures = ids.map((id) => ({
        name: `partner_is_${id}`,
        description: `partner is person ${id}`,
        values: Array.from(pairs.b, (row) => (people.ids[row] === id ? 1 : 0)),
      }));
      const features = buildFeatures(dataset, { extraPairFeatures });
      const result = runDatasetStudy(dataset, features, { seed: 3, resamples: 300, innerFolds: 3 });
      expect(Math.abs(result.outOfFold.auc! - 0.5)).toBeLessThan(0.06);
      expect(result.outOfFold.interval.lower!).toBeLessThanOrEqual(0.5);
      expect(result.outOfFold.interval.upper!).toBeGreaterThanOrEqual(0.5);
      expect(result.inSample.auc!).toBeGreaterThan(0.7);
      // Folds are whole waves, and both people of every pair belong to the pair's wave: no
      // person's pairs can span training and test.
      pairs.groups.forEach((wave, i) => {
        expect(people.groups[pairs.a[i]]).toBe(wave);
        expect(people.groups[pairs.b[i]]).toBe(wave);
      });
      // The control: split by pair instead, and the leak is credited — so the check above can fail.
      const leaky = runDatasetStudy(dataset, { ...features, groups: features.groups.map((_, i) => i) }, { seed: 3, resamples: 300, innerFolds: 3 });
      expect(leaky.outOfFold.auc!).toBeGreaterThan(0.65);
    });
  });

  it('When the pairs come from one group, Then it refuses with the reason', async () => {
    const dataset = await datasetOf({ seed: 14, people: 20, waveSize: { min: 20, max: 20 } });
    expect(() => runDatasetStudy(dataset, buildFeatures(dataset), { seed: 1 })).toThrow(/single group/);
  });
});
