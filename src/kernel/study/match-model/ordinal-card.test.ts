import { parsePairs } from '../dataset/parse-pairs';
import { parsePeople } from '../dataset/parse-people';
import { assembleDataset } from '../dataset/study-dataset';
import { buildFeatures } from '../features/build-features';
import { renderStudyHtml } from '../report/render-study-html';
import { renderStudyMarkdown } from '../report/render-study-markdown';
import { buildStudyReport } from '../report/study-report';
import { runDatasetStudy } from '../run-dataset-study';
import { generateSpeedDating, SIGNAL } from '../synthetic-speed-dating';
import { speedDatingCsv, speedDatingSchema } from '../synthetic-speed-dating-csv';
import { predictWithCard } from './predict-with-card';
import { buildValidityCard } from './validity-card';

describe('an ordinal (1–5 rating) study kept as a match model', () => {
  async function ratingStudy() {
    const files = speedDatingCsv(generateSpeedDating({ seed: 41, people: 160, signal: SIGNAL.strong }));
    const schema = speedDatingSchema('rating');
    const people = await parsePeople(files.people, schema, 'csv');
    const dataset = assembleDataset(schema, people, await parsePairs(files.pairs, schema, people, 'csv'));
    const features = buildFeatures(dataset);
    const result = runDatasetStudy(dataset, features, { seed: 41, resamples: 200, outerFolds: 4, innerFolds: 3 });
    const card = buildValidityCard({ modelId: 'mm_o', name: 'ratings', createdAt: new Date('2026-12-04T00:00:00Z'), dataset, features, result });
    return { dataset, features, result, card };
  }

  it('When it is kept and used, Then the card holds all K − 1 cuts and a prediction gives P(≥ positiveFrom) with its interval and the expected level', async () => {
    const { features, result, card } = await ratingStudy();
    expect(card.outcome).toMatchObject({ kind: 'ordinal', ordinalModel: 'cumulative', positiveFrom: result.outcome.positiveFrom });
    expect(card.ordinal!.model).toBe('cumulative');
    expect(card.ordinal!.cuts.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
    for (const cut of card.ordinal!.cuts) expect(cut.coefficients).toHaveLength(features.names.length);
    expect(card.ordinal!.spearman).toBe(result.ordinal!.spearman);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);

    const base = Object.fromEntries(card.features.map((f) => [f.name, f.mean]));
    const good = predictWithCard(card, { ...base, 'correlation:interests': 0.6, 'importance_fit_a_to_b:importance': 0.4, 'abs_diff:age': 0 });
    const poor = predictWithCard(card, { ...base, 'correlation:interests': -0.5, 'importance_fit_a_to_b:importance': -0.4, 'abs_diff:age': 12 });
    for (const p of [good, poor]) {
      const o = p.ordinal!;
      expect(o.cumulative.map((c) => c.threshold)).toEqual([2, 3, 4, 5]);
      for (let k = 1; k < o.cumulative.length; k++) expect(o.cumulative[k].probability).toBeLessThanOrEqual(o.cumulative[k - 1].probability);
      expect(p.probability).toBe(o.cumulative.find((c) => c.threshold === o.positiveFrom)!.probability);
      expect(o.expectedLevel).toBeCloseTo(1 + o.cumulative.reduce((s, c) => s + c.probability, 0), 12);
      expect(p.low).toBeLessThan(p.high);
    }
    expect(good.ordinal!.expectedLevel).toBeGreaterThan(poor.ordinal!.expectedLevel + 0.3);
    expect(good.probability).toBeGreaterThan(poor.probability);
  });

  it('When it is reported, Then the Markdown and HTML name the cumulative model and the Spearman interval', async () => {
    const { dataset, features, result, card } = await ratingStudy();
    const report = buildStudyReport({ title: 'ratings', dataset, features, result, card, generatedAt: new Date('2026-12-04T00:00:00Z') });
    const md = renderStudyMarkdown(report);
    const html = renderStudyHtml(report);
    for (const text of [md, html]) {
      expect(text).toContain('Ordinal model: cumulative (Frank &amp; Hall 2001)'.replace('&amp;', text === md ? '&' : '&amp;'));
      expect(text).toMatch(/Spearman ρ of the out-of-fold expected level with the outcome: 0\.\d{3} \(95% group-bootstrap interval 0\.\d{3}–0\.\d{3}/);
      expect(text).toContain('modelled cumulatively');
    }
    expect(JSON.parse(JSON.stringify(report)).result.ordinal.cuts).toHaveLength(4);
  });
});
