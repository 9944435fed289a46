import { runStudy } from './run-study';
import { generateSpeedDating, SIGNAL } from './synthetic-speed-dating';

// The acceptance check that a person-level signal does not leak across folds.
describe('runStudy: person-level leakage', () => {
  describe('When the model can recognise people (one-hot partner ids) and everyone has a popularity', () => {
    // No profile signal at all; only popularity (strong: SD 1.5). A model that has seen a person's
    // other pairs can predict their popularity — which says nothing about new people. Folds by
    // wave keep every person's pairs together; folds that split them let the popularity leak.
    const study = generateSpeedDating({ seed: 5, people: 120, signal: SIGNAL.none, popularitySd: 1.5, selectivitySd: 0.3 });
    const ids = study.people.map((p) => p.id);
    // The three (here signal-free) profile measures, then one indicator column per partner.
    const features = study.pairs.map((pair) => [
      pair.interestCorrelation,
      pair.importanceFit,
      pair.ageGap,
      ...ids.map((id) => (pair.partner === id ? 1 : 0)),
    ]);
    const base = {
      features,
      featureNames: ['interest_correlation', 'importance_fit', 'age_gap', ...ids.map((id) => `partner_${id}`)],
      outcome: study.pairs.map((p) => p.decision),
      seed: 3,
      options: { resamples: 300, innerFolds: 3, lambdas: [10, 100] },
    };

    it('Then with folds by wave the out-of-fold AUC stays at chance', () => {
      const result = runStudy({ ...base, groups: study.pairs.map((p) => p.wave) });
      expect(Math.abs(result.outOfFold.auc! - 0.5)).toBeLessThan(0.05);
      expect(result.outOfFold.interval.lower!).toBeLessThanOrEqual(0.5);
      expect(result.outOfFold.interval.upper!).toBeGreaterThanOrEqual(0.5);
      // …while the in-sample fit, which has seen everyone, looks impressive: the gap is the leak.
      expect(result.inSample.auc!).toBeGreaterThan(0.7);
      expect(result.caveats.join('\n')).toMatch(/overfitting/);
    });

    it('Then (the control) folds that split people’s pairs would credit the leak — the check above can fail', () => {
      const byPair = runStudy({ ...base, groups: study.pairs.map((_, i) => i) });
      expect(byPair.outOfFold.auc!).toBeGreaterThan(0.7);
      expect(byPair.outOfFold.interval.lower!).toBeGreaterThan(0.6);
      // Grouping by rater is not enough either: the partner's pairs still span folds.
      const byRater = runStudy({ ...base, groups: study.pairs.map((p) => `rater-${p.rater}`) });
      expect(byRater.outOfFold.auc!).toBeGreaterThan(0.7);
    });
  });
});
