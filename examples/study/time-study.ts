/**
 * How long does a large study take? A 5,000-pair synthetic study with 200 features, nested
 * cross-validation (5 outer × 5 inner folds, the default 7-value λ grid) and a 1,000-resample
 * group bootstrap.
 *
 *   npx tsc -p examples/study/tsconfig.json && node dist/examples/study/time-study.js
 */
import { generateSpeedDating, mulberry32, nestedCrossValidate, runStudy, SIGNAL } from '../../src/kernel/study';

const study = generateSpeedDating({ seed: 7, people: 520, signal: SIGNAL.weak });
const pairs = study.pairs.slice(0, 5000);
const byId = new Map(study.people.map((p) => [p.id, p]));
const random = mulberry32(99);
// 63 profile columns (the three measures, both people's interests, importance weights,
// self-ratings and ages) and 137 columns of pure noise: 200 features.
const features = pairs.map((pair) => {
  const rater = byId.get(pair.rater)!;
  const partner = byId.get(pair.partner)!;
  const profile = [
    pair.interestCorrelation,
    pair.importanceFit,
    pair.ageGap,
    ...rater.interests,
    ...partner.interests,
    ...rater.importance,
    ...partner.importance,
    ...rater.selfRatings,
    ...partner.selfRatings,
    rater.age,
    partner.age,
  ];
  return [...profile, ...Array.from({ length: 200 - profile.length }, () => random())];
});
const featureNames = features[0].map((_, j) => `f${j}`);
const outcome = pairs.map((p) => p.decision);
const groups = pairs.map((p) => p.wave);
console.log(`${pairs.length} pairs, ${featureNames.length} features, ${new Set(groups).size} waves`);

let started = process.hrtime.bigint();
let cpu = process.cpuUsage();
const cv = nestedCrossValidate(features, outcome, groups, { seed: 1 });
const cvSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const cvCpu = process.cpuUsage(cpu);
console.log(
  `nested cross-validation alone: ${cvSeconds.toFixed(1)} s wall, ${((cvCpu.user + cvCpu.system) / 1e6).toFixed(1)} s CPU` +
    ` (out-of-fold AUC ${cv.outOfFoldAuc!.toFixed(3)}, in-sample ${cv.inSampleAuc!.toFixed(3)}, λ per fold ${cv.folds.map((f) => f.lambda).join(', ')})`,
);

started = process.hrtime.bigint();
cpu = process.cpuUsage();
const result = runStudy({ features, featureNames, outcome, groups, seed: 1 });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const used = process.cpuUsage(cpu);
console.log(
  `whole runStudy (nested CV + 1,000-resample bootstrap + the rest): ${seconds.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`,
);
console.log(
  `out-of-fold AUC ${result.outOfFold.auc!.toFixed(3)} [${result.outOfFold.interval.lower!.toFixed(3)}, ${result.outOfFold.interval.upper!.toFixed(3)}], in-sample ${result.inSample.auc!.toFixed(3)}`,
);
for (const caveat of result.caveats) console.log(`- ${caveat}`);
