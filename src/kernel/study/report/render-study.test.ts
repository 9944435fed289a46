import { parsePairs } from '../dataset/parse-pairs';
import { parsePeople } from '../dataset/parse-people';
import { assembleDataset, type StudyDataset } from '../dataset/study-dataset';
import { buildFeatures, type FeatureSet } from '../features/build-features';
import { buildValidityCard } from '../match-model/validity-card';
import { runDatasetStudy } from '../run-dataset-study';
import { generateSpeedDating, SIGNAL, type SyntheticStudyOptions } from '../synthetic-speed-dating';
import { speedDatingCsv, speedDatingSchema } from '../synthetic-speed-dating-csv';
import { renderStudyHtml } from './render-study-html';
import { renderStudyMarkdown } from './render-study-markdown';
import { buildStudyReport, rocCurve } from './study-report';

async function study(options: SyntheticStudyOptions) {
  const files = speedDatingCsv(generateSpeedDating(options));
  const schema = speedDatingSchema();
  const people = await parsePeople(files.people, schema, 'csv');
  const dataset: StudyDataset = assembleDataset(schema, people, await parsePairs(files.pairs, schema, people, 'csv'));
  const features: FeatureSet = buildFeatures(dataset);
  const result = runDatasetStudy(dataset, features, { seed: options.seed, resamples: 200, outerFolds: 4, innerFolds: 3 });
  return { dataset, features, result };
}

describe('study reports', () => {
  it('When a study with signal is rendered, Then the Markdown leads with the headline and shows the honest figures', async () => {
    const { dataset, features, result } = await study({ seed: 31, people: 160, signal: SIGNAL.strong });
    const card = buildValidityCard({ modelId: 'mm_9', name: 'v1', createdAt: new Date('2026-12-01T00:00:00Z'), dataset, features, result });
    const report = buildStudyReport({ title: 'Speed dating <pilot>', dataset, features, result, card, generatedAt: new Date('2026-12-04T00:00:00Z') });
    const md = renderStudyMarkdown(report);
    const { auc, interval } = result.outOfFold;
    const headline = `**Out-of-fold AUC ${auc!.toFixed(3)} (95% interval ${interval.lower!.toFixed(3)}–${interval.upper!.toFixed(3)})**`;
    expect(md.split('\n').slice(0, 4).join('\n')).toContain(headline);
    expect(md).toContain(`In-sample AUC ${result.inSample.auc!.toFixed(3)}`);
    expect(md).toContain('| −|age difference| |'.replace('|age difference|', '\\|age difference\\|'));
    expect(md).toMatch(/Brier skill -?0\.\d{3} against always predicting the base rate/);
    expect(md).toMatch(/About \d+ pairs would give ±0\.05/);
    expect(md).toContain('Fairness across person B category');
    expect(md).toContain('AUC well under 0.65');
    expect(md).toContain('match model mm_9');
    expect(md).not.toContain('No evidence this predicts better than chance');
    expect(md).toContain('Speed dating &lt;pilot&gt;');
    expect(report.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(report.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(JSON.parse(JSON.stringify(report)).title).toBe('Speed dating <pilot>');
  });

  it('When the study has no signal, Then both renderings say plainly there is no evidence it beats chance', async () => {
    const { dataset, features, result } = await study({ seed: 32, people: 160, signal: SIGNAL.none });
    expect(result.outOfFold.interval.lower!).toBeLessThanOrEqual(0.5);
    const report = buildStudyReport({ title: 'noise', dataset, features, result });
    expect(renderStudyMarkdown(report)).toContain('**No evidence this predicts better than chance: the 95% interval covers 0.5.**');
    expect(renderStudyHtml(report)).toContain('No evidence this predicts better than chance');
  });

  it('When rendered as HTML, Then it is one self-contained page with two inline SVG charts and escaped text', async () => {
    const { dataset, features, result } = await study({ seed: 33, people: 120, signal: SIGNAL.weak });
    const html = renderStudyHtml(buildStudyReport({ title: '<script>alert("x")</script> & co', dataset, features, result }));
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('id="roc-chart-title"');
    expect(html).toContain('id="calibration-chart-title"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).not.toMatch(/(src|href)=|https?:/);
  });

  it('When the ROC curve is computed, Then ties move together and it is thinned to about 100 points', () => {
    expect(rocCurve([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
    const many = Array.from({ length: 1000 }, (_, i) => i);
    expect(rocCurve(many, many.map((i) => i % 2)).length).toBe(101);
  });
});
