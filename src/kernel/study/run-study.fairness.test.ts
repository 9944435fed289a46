import { runStudy } from './run-study';
import { generateSpeedDating, type SyntheticStudy } from './synthetic-speed-dating';

const generate = generateSpeedDating;

// The acceptance check on fairness metrics with a planted disparity.
describe('runStudy: fairness', () => {
  it('When a disparity is planted against category C, Then per-group AUC, parity and equalized odds show it', () => {
    const categoryFeatures = (study: SyntheticStudy) => {
      const byId = new Map(study.people.map((p) => [p.id, p]));
      const category = study.pairs.map((p) => byId.get(p.partner)!.category);
      return {
        input: {
          features: study.pairs.map((p, i) => [
            p.interestCorrelation,
            p.importanceFit,
            p.ageGap,
            ...['B', 'C', 'D'].map((c) => (category[i] === c ? 1 : 0)),
          ]),
          featureNames: ['interest_correlation', 'importance_fit', 'age_gap', 'partner_B', 'partner_C', 'partner_D'],
          outcome: study.pairs.map((p) => p.decision),
          groups: study.pairs.map((p) => p.wave),
          fairnessAttribute: { name: 'partner_category', values: category },
          seed: 4,
          options: { resamples: 300 },
        },
      };
    };
    const unfair = runStudy(
      categoryFeatures(generate({ seed: 13, people: 400, disparity: { category: 'C', signalScale: 0, logitShift: -1.5 } })).input,
    );
    const fair = runStudy(categoryFeatures(generate({ seed: 13, people: 400 })).input);
    const group = (r: typeof fair, value: string) => r.fairness!.groups.find((g) => g.value === value)!;
    // Inside C the measures say nothing, so the model ranks C's pairs at chance.
    expect(group(unfair, 'C').auc!).toBeLessThan(0.6);
    expect(group(unfair, 'A').auc!).toBeGreaterThan(0.7);
    expect(unfair.fairness!.aucGap!).toBeGreaterThan(0.15);
    // The model learns C's lower rate, so C is predicted positive far less often.
    expect(group(unfair, 'C').positiveRate).toBeLessThan(group(unfair, 'A').positiveRate - 0.2);
    expect(unfair.fairness!.demographicParityDifference).toBeGreaterThan(0.2);
    expect(unfair.fairness!.equalizedOddsDifference!).toBeGreaterThan(0.15);
    expect(unfair.caveats.join('\n')).toMatch(/AUC differs across partner_category by 0\.\d+ \(lowest: C/);
    // Without the disparity the same metrics stay small.
    expect(fair.fairness!.aucGap!).toBeLessThan(0.1);
    expect(fair.fairness!.demographicParityDifference).toBeLessThan(0.12);
    expect(fair.fairness!.threshold).toBeCloseTo(fair.baseRate, 12);
  });
});
