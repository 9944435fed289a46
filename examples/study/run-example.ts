/**
 * Runs a validation study on the shipped synthetic CSVs the way an analyst's upload goes:
 * schema → parsePeople / parsePairs → buildFeatures → runDatasetStudy → a Markdown report
 * (and an HTML one beside it when an output path is given).
 *
 *   npx tsc -p examples/study/tsconfig.json
 *   node dist/examples/study/run-example.js [data dir] [decision|rating] [report.html]
 *
 * The schema (examples/study/schema.json, or schema-rating.json for the 1–5 outcome) declares
 * every column; the generator's answer key (truth_*) is listed under `ignore`, so it can never
 * become a feature.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  assembleDataset,
  buildFeatures,
  buildStudyReport,
  buildValidityCard,
  parsePairs,
  parsePeople,
  parseStudySchema,
  renderStudyHtml,
  renderStudyMarkdown,
  runDatasetStudy,
} from '../../src/kernel/study';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join('examples', 'study', 'data');
  const outcome = process.argv[3] ?? 'decision';
  const htmlPath = process.argv[4];
  const schemaFile = outcome === 'rating' ? 'schema-rating.json' : 'schema.json';
  const schema = parseStudySchema(readFileSync(join('examples', 'study', schemaFile), 'utf8'));

  // Files are streamed in chunks, as an HTTP upload would be.
  const people = await parsePeople(createReadStream(join(dir, 'people.csv')), schema, 'csv');
  const pairs = await parsePairs(createReadStream(join(dir, 'pairs.csv')), schema, people, 'csv');
  const dataset = assembleDataset(schema, people, pairs);
  const features = buildFeatures(dataset);
  const result = runDatasetStudy(dataset, features, {
    seed: 1,
    onProgress: (p) => process.stderr.write(`\r${p.stage} ${Math.round(p.fraction * 100)}%   `),
  });
  process.stderr.write('\n');
  const card = buildValidityCard({ modelId: 'example', name: 'Synthetic speed dating', createdAt: new Date(), dataset, features, result });
  const report = buildStudyReport({ title: `Synthetic speed dating (${outcome})`, dataset, features, result, card });
  console.log(renderStudyMarkdown(report));
  if (htmlPath) writeFileSync(htmlPath, renderStudyHtml(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
