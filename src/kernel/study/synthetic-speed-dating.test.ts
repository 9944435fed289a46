import { auc } from './auc';
import {
  ATTRIBUTES,
  featureCeilingAuc,
  generateSpeedDating,
  INTERESTS,
  oracleAuc,
  SIGNAL,
} from './synthetic-speed-dating';

describe('synthetic speed-dating study', () => {
  const study = generateSpeedDating({ seed: 1 });

  it('When generated, Then it has people in waves meeting every opposite-gender wave member', () => {
    expect(study.people).toHaveLength(300);
    expect(study.pairs.length).toBeGreaterThan(2500);
    expect(study.pairs.length).toBeLessThan(3600);
    const byId = new Map(study.people.map((p) => [p.id, p]));
    const misplaced = study.pairs.filter((pair) => {
      const rater = byId.get(pair.rater)!;
      const partner = byId.get(pair.partner)!;
      return rater.wave !== pair.wave || partner.wave !== pair.wave || rater.gender === partner.gender;
    });
    expect(misplaced).toEqual([]);
    const wave1 = study.people.filter((p) => p.wave === 1);
    const women = wave1.filter((p) => p.gender === 'F').length;
    expect(study.pairs.filter((p) => p.wave === 1)).toHaveLength(2 * women * (wave1.length - women));
  });

  it('When people are drawn, Then their profiles have the survey’s shape', () => {
    const malformed = study.people.filter(
      (person) =>
        person.interests.length !== INTERESTS.length ||
        !person.interests.every((v) => Number.isInteger(v) && v >= 1 && v <= 10) ||
        person.importance.length !== ATTRIBUTES.length ||
        person.importance.reduce((s, v) => s + v, 0) !== 100 ||
        !person.selfRatings.every((v) => v >= 1 && v <= 10) ||
        person.age < 18,
    );
    expect(malformed).toEqual([]);
  });

  it('When outcomes are drawn, Then the rating refines the decision (rating ≥ 4 ⇔ yes) at a plausible base rate', () => {
    expect(study.pairs.filter((pair) => pair.rating >= 4 !== (pair.decision === 1))).toEqual([]);
    const rate = study.pairs.filter((p) => p.decision === 1).length / study.pairs.length;
    expect(rate).toBeGreaterThan(0.33);
    expect(rate).toBeLessThan(0.53);
  });

  it('When the seed is the same, Then so is the study; other settings keep the people and the noise', () => {
    const again = generateSpeedDating({ seed: 1 });
    expect(again.pairs.map((p) => p.rating)).toEqual(study.pairs.map((p) => p.rating));
    expect(again.people).toEqual(study.people);
    const noise = generateSpeedDating({ seed: 1, signal: SIGNAL.none });
    expect(noise.people).toEqual(study.people);
    expect(noise.pairs.map((p) => p.interestCorrelation)).toEqual(study.pairs.map((p) => p.interestCorrelation));
  });

  it('When measured on a large sample, Then the planted feature ceiling is ≈ 0.75 (strong), ≈ 0.62 (weak), 0.5 (none)', () => {
    const big = (signal: number) => generateSpeedDating({ seed: 2024, people: 6000, signal });
    const strong = big(SIGNAL.strong);
    expect(Math.abs(featureCeilingAuc(strong) - 0.75)).toBeLessThan(0.01);
    // The oracle that knows everyone's popularity and choosiness does far better: that part is
    // person-level and must not be credited to a model of the profile features.
    expect(oracleAuc(strong)).toBeGreaterThan(0.82);
    expect(Math.abs(featureCeilingAuc(big(SIGNAL.weak)) - 0.62)).toBeLessThan(0.015);
    expect(Math.abs(featureCeilingAuc(big(SIGNAL.none)) - 0.5)).toBeLessThan(0.01);
  });

  it('When a disparity is planted, Then the signal fades for the category’s partners and they get fewer yeses', () => {
    const fair = generateSpeedDating({ seed: 3, people: 3000 });
    const unfair = generateSpeedDating({ seed: 3, people: 3000, disparity: { category: 'C', signalScale: 0, logitShift: -1 } });
    const byId = new Map(unfair.people.map((p) => [p.id, p]));
    const inC = (pair: { partner: number }) => byId.get(pair.partner)!.category === 'C';
    const ceilingWithin = (pairs: typeof unfair.pairs) =>
      auc(
        pairs.map((p) => p.interestCorrelation * 0.6 + p.importanceFit - p.ageGap * 0.05),
        pairs.map((p) => p.decision),
      )!;
    expect(ceilingWithin(unfair.pairs.filter(inC))).toBeLessThan(0.56);
    expect(ceilingWithin(unfair.pairs.filter((p) => !inC(p)))).toBeGreaterThan(0.68);
    const rate = (pairs: typeof unfair.pairs) => pairs.filter((p) => p.decision === 1).length / pairs.length;
    expect(rate(fair.pairs.filter(inC)) - rate(unfair.pairs.filter(inC))).toBeGreaterThan(0.1);
  });
});
