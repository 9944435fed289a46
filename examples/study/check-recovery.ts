/**
 * Does runStudy recover a planted AUC, and do its 95% intervals cover the truth about 95% of the
 * time? Runs the strong and the noise setting on several seeds and prints one line per study.
 *
 *   npx tsc -p examples/study/tsconfig.json && node dist/examples/study/check-recovery.js [studies]
 */
import { featureCeilingAuc, generateSpeedDating, runStudy, SIGNAL, type SyntheticStudy } from '../../src/kernel/study';

const studies = Number(process.argv[2] ?? 20);

function studyInput(study: SyntheticStudy, seed: number) {
  const byId = new Map(study.people.map((p) => [p.id, p]));
  return {
    features: study.pairs.map((p) => {
      const rater = byId.get(p.rater)!;
      const partner = byId.get(p.partner)!;
      // The three planted measures, plus four profile columns that carry nothing.
      return [p.interestCorrelation, p.importanceFit, p.ageGap, rater.age, partner.age, rater.selfRatings[0], partner.importance[0]];
    }),
    featureNames: ['interest_correlation', 'importance_fit', 'age_gap', 'rater_age', 'partner_age', 'rater_self_attractive', 'partner_importance_attractive'],
    outcome: study.pairs.map((p) => p.decision),
    groups: study.pairs.map((p) => p.wave),
    seed,
  };
}

for (const [setting, signal] of [['strong', SIGNAL.strong], ['none', SIGNAL.none]] as const) {
  const truth = signal === 0 ? 0.5 : featureCeilingAuc(generateSpeedDating({ seed: 2024, people: 6000, signal }));
  let covered = 0;
  let sumError = 0;
  let sumWidth = 0;
  for (let s = 1; s <= studies; s++) {
    const started = Date.now();
    const result = runStudy(studyInput(generateSpeedDating({ seed: s, signal }), s));
    const { auc, interval } = result.outOfFold;
    const hit = interval.lower! <= truth && truth <= interval.upper!;
    if (hit) covered++;
    sumError += Math.abs(auc! - truth);
    sumWidth += interval.upper! - interval.lower!;
    console.log(
      `${setting} seed ${s}: n ${result.n}, out-of-fold AUC ${auc!.toFixed(3)} [${interval.lower!.toFixed(3)}, ${interval.upper!.toFixed(3)}]` +
        ` vs truth ${truth.toFixed(3)} ${hit ? 'covered' : 'MISSED'}; in-sample ${result.inSample.auc!.toFixed(3)}; Brier skill ${result.outOfFold.brierSkill!.toFixed(3)}; ${Date.now() - started} ms`,
    );
  }
  console.log(
    `${setting}: coverage ${covered}/${studies}, mean |error| ${(sumError / studies).toFixed(3)}, mean interval width ${(sumWidth / studies).toFixed(3)}`,
  );
}
