/**
 * Runs a validation study on the shipped synthetic CSVs and prints the result's headline
 * figures and caveats: what an analyst would see for their own data.
 *
 *   npx tsc -p examples/study/tsconfig.json && node dist/examples/study/run-example.js [data dir] [decision|rating]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runStudy } from '../../src/kernel/study';

const dir = process.argv[2] ?? join('examples', 'study', 'data');
const outcomeColumn = process.argv[3] ?? 'decision';

/** Minimal CSV reader for these files (no quoting: the generator never writes commas in a cell). */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

const people = new Map(readCsv(join(dir, 'people.csv')).map((p) => [p.id, p]));
const pairs = readCsv(join(dir, 'pairs.csv'));
const featureNames = ['interest_correlation', 'importance_fit', 'age_gap', 'rater_age', 'partner_age'];
const result = runStudy({
  features: pairs.map((p) => [
    Number(p.interest_correlation),
    Number(p.importance_fit),
    Number(p.age_gap),
    Number(people.get(p.rater)!.age),
    Number(people.get(p.partner)!.age),
  ]),
  featureNames,
  outcome: pairs.map((p) => Number(p[outcomeColumn])),
  // Waves, not people: both people of a pair belong to its wave, so no person spans folds.
  groups: pairs.map((p) => p.wave),
  // A one-measure baseline: does the model beat interest correlation alone?
  baselines: [{ name: 'interest correlation alone', score: pairs.map((p) => Number(p.interest_correlation)) }],
  fairnessAttribute: { name: 'partner category', values: pairs.map((p) => people.get(p.partner)!.category) },
  seed: 1,
});

const f3 = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
const { outOfFold: oof } = result;
console.log(`${result.n} pairs in ${result.groups} waves; outcome ${result.outcome.kind}, base rate ${f3(result.baseRate)}`);
console.log(`out-of-fold AUC ${f3(oof.auc)} [${f3(oof.interval.lower)}, ${f3(oof.interval.upper)}]; in-sample ${f3(result.inSample.auc)}`);
console.log(`Brier ${f3(oof.brier)} (skill ${f3(oof.brierSkill)}), log-loss ${f3(oof.logLoss)}, calibration slope ${f3(oof.calibrationSlope)}`);
if (result.ordinal) console.log(`Spearman ρ ${f3(result.ordinal.spearman)}; cumulative AUCs ${result.ordinal.cumulative.map((c) => `≥${c.threshold}: ${f3(c.auc)}`).join(', ')}`);
console.log(`λ ${result.crossValidation.chosenLambda}; coefficients per SD: ${result.coefficients.map((c) => `${c.name} ${c.standardized.toFixed(2)}`).join(', ')}`);
console.log('calibration (mean predicted → observed, n):');
for (const bin of oof.calibration) console.log(`  ${bin.meanPredicted.toFixed(2)} → ${bin.observedRate.toFixed(2)} (${bin.count})`);
console.log('caveats:');
for (const caveat of result.caveats) console.log(`- ${caveat}`);
