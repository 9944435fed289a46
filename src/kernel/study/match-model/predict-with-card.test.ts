import { parsePairs } from '../dataset/parse-pairs';
import { parsePeople } from '../dataset/parse-people';
import { assembleDataset, type StudyDataset } from '../dataset/study-dataset';
import { buildFeatures, type FeatureSet } from '../features/build-features';
import { runDatasetStudy } from '../run-dataset-study';
import type { StudyResult } from '../run-study';
import { generateSpeedDating, SIGNAL } from '../synthetic-speed-dating';
import { speedDatingCsv, speedDatingSchema } from '../synthetic-speed-dating-csv';
import { predictWithCard } from './predict-with-card';
import { buildValidityCard, type ValidityCard } from './validity-card';

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('validity cards and predictWithCard', () => {
  let dataset: StudyDataset;
  let features: FeatureSet;
  let result: StudyResult;
  let card: ValidityCard;
  const valuesOf = (i: number) => Object.fromEntries(features.names.map((name, j) => [name, features.rows[i][j]]));

  beforeAll(async () => {
    const files = speedDatingCsv(generateSpeedDating({ seed: 21, people: 200, signal: SIGNAL.strong }));
    const schema = speedDatingSchema();
    const people = await parsePeople(files.people, schema, 'csv');
    dataset = assembleDataset(schema, people, await parsePairs(files.pairs, schema, people, 'csv'));
    features = buildFeatures(dataset);
    result = runDatasetStudy(dataset, features, { seed: 21, resamples: 200 });
    card = buildValidityCard({ modelId: 'mm_1', name: 'speed dating v1', createdAt: new Date('2026-12-04T12:00:00Z'), dataset, features, result });
  });

  it('When a card is built, Then it carries the dataset hash, counts, out-of-fold metrics, baselines and calibration', () => {
    expect(card).toMatchObject({ version: 1, modelId: 'mm_1', datasetHash: dataset.hash, n: result.n, groups: result.groups, positives: result.positives, llm: [] });
    expect(card.createdAt).toBe('2026-12-04T12:00:00.000Z');
    expect(card.metrics.auc).toBe(result.outOfFold.auc);
    expect(card.metrics.aucLow).toBe(result.outOfFold.interval.lower);
    expect(card.baselines.map((b) => b.name)).toEqual(result.baselines.map((b) => b.name));
    expect(card.features.map((f) => f.name)).toEqual(features.names);
    expect(card.calibration.bins.reduce((s, b) => s + b.n, 0)).toBe(result.n);
    expect(card.recalibration.fitted).toBe(true);
    // JSON round trip: a card is stored as data.
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('When a training pair is scored, Then the card reproduces the final model and the contributions sum to the logit', () => {
    for (const i of [0, 17, 400]) {
      const prediction = predictWithCard(card, valuesOf(i));
      const raw = result.intercept + result.coefficients.reduce((s, c, j) => s + c.raw * features.rows[i][j], 0);
      expect(logit(prediction.modelProbability)).toBeCloseTo(raw, 8);
      const total = prediction.baselineLogOdds + prediction.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(total).toBeCloseTo(logit(prediction.probability), 10);
      expect(prediction.missing).toEqual([]);
      // Largest push first.
      const sizes = prediction.contributions.map((c) => Math.abs(c.contribution));
      expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
      expect(prediction.low).toBeLessThan(prediction.high);
    }
  });

  it('When the recalibration is applied to the out-of-fold predictions, Then it is calibrated in the large (Platt)', () => {
    const labels = features.outcome;
    const { intercept: a, slope: b } = card.recalibration;
    const calibrated = result.outOfFoldPredictions.map((p) => sigmoid(a + b * logit(p)));
    const mean = calibrated.reduce((s, p) => s + p, 0) / calibrated.length;
    expect(mean).toBeCloseTo(labels.reduce((s, v) => s + v, 0) / labels.length, 6);
    // With a planted signal and few features, the cross-validated model is nearly calibrated already.
    expect(b).toBeGreaterThan(0.75);
    expect(b).toBeLessThan(1.3);
  });

  it('When the interval is read, Then it is the Wilson interval of the out-of-fold decile the pair falls in', () => {
    const prediction = predictWithCard(card, valuesOf(3));
    const bin = card.calibration.bins.find((b) => prediction.modelProbability >= b.from && prediction.modelProbability <= b.to)
      ?? card.calibration.bins.reduce((best, b) => (Math.min(Math.abs(b.from - prediction.modelProbability), Math.abs(b.to - prediction.modelProbability)) < Math.min(Math.abs(best.from - prediction.modelProbability), Math.abs(best.to - prediction.modelProbability)) ? b : best));
    expect([prediction.low, prediction.high]).toEqual([bin.low, bin.high]);
  });

  it('When features are missing, Then they are imputed with the training mean, listed, and contribute nothing', () => {
    const values = valuesOf(5);
    delete values['abs_diff:age'];
    values['correlation:interests'] = null as unknown as number;
    const prediction = predictWithCard(card, values);
    expect(prediction.missing).toEqual(['abs_diff:age', 'correlation:interests']);
    for (const name of prediction.missing) {
      const c = prediction.contributions.find((x) => x.feature === name)!;
      expect(c.value).toBeNull();
      expect(c.contribution).toBe(0);
    }
    const everyMean = predictWithCard(card, {});
    expect(everyMean.missing.length).toBe(card.features.length);
    expect(logit(everyMean.probability)).toBeCloseTo(everyMean.baselineLogOdds, 10);
  });

  it('When two pairs differ in the planted measures, Then the better-matched one ranks higher', () => {
    const base = Object.fromEntries(card.features.map((f) => [f.name, f.mean]));
    const good = predictWithCard(card, { ...base, 'correlation:interests': 0.6, 'importance_fit_a_to_b:importance': 0.4, 'abs_diff:age': 0 });
    const poor = predictWithCard(card, { ...base, 'correlation:interests': -0.5, 'importance_fit_a_to_b:importance': -0.4, 'abs_diff:age': 12 });
    expect(good.probability).toBeGreaterThan(poor.probability + 0.2);
    expect(good.contributions[0].feature).toMatch(/correlation:interests|importance_fit_a_to_b|abs_diff:age|diff:age/);
  });
});
