import { DIMENSION_KEYS, DIMENSIONS, type EpisodeScore } from '../../../kernel/simulation/dimensions';
import { buildCompatibilityReport, type Estimate } from './compatibility-report';
import { episode, reportInput, sixEpisodes } from './fixtures/episodes';

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function expectSound(e: Estimate): void {
  expect(e.ciLow).toBeLessThanOrEqual(e.mean);
  expect(e.ciHigh).toBeGreaterThanOrEqual(e.mean);
  for (const value of [e.mean, e.ciLow, e.ciHigh]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.round(value * 100) / 100).toBe(value);
  }
}

/** Every number anywhere in the report, to prove none is NaN or infinite. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('buildCompatibilityReport', () => {
  const report = buildCompatibilityReport(reportInput());

  it('When built from 2 scenarios × 3 episodes, Then overall is the bootstrapped mean of per-episode overalls', () => {
    const perEpisode = sixEpisodes.map((e) => mean(e.dimensions.map((d) => d.score)));
    expect(report.episodes).toBe(6);
    expect(report.overall.n).toBe(6);
    expect(report.overall.mean).toBeCloseTo(mean(perEpisode), 2);
    expectSound(report.overall);
    expect(report.overall.ciHigh - report.overall.ciLow).toBeGreaterThan(0.5);
  });

  it('When built, Then every dimension appears in DIMENSIONS order with its label and mean over episodes', () => {
    expect(report.dimensions.map((d) => d.key)).toEqual(DIMENSION_KEYS);
    expect(report.dimensions.map((d) => d.label)).toEqual(DIMENSIONS.map((d) => d.label));
    const goal = report.dimensions[0].estimate;
    expect(goal).toMatchObject({ mean: 6.5, n: 6 });
    // Believability barely varies (7–9), so its interval is tighter than relationship change (3–8).
    const width = (e: Estimate) => e.ciHigh - e.ciLow;
    expect(width(report.dimensions[1].estimate)).toBeLessThan(width(report.dimensions[2].estimate));
    report.dimensions.forEach((d) => expectSound(d.estimate));
  });

  it('When built, Then each scenario gets its own breakdown, ordered by scenario id', () => {
    expect(report.perScenario.map((s) => [s.scenarioId, s.title, s.episodes])).toEqual([
      ['conflict-over-plans', 'Conflict over weekend plans', 3],
      ['first-date', 'First date at a noodle bar', 3],
    ]);
    const [plans, date] = report.perScenario;
    expect(plans.overall.mean).toBeLessThan(date.overall.mean);
    expect(plans.overall.n).toBe(3);
    expect(plans.dimensions.map((d) => d.key)).toEqual(DIMENSION_KEYS);
    expect(date.dimensions[0].estimate).toMatchObject({ mean: 8, n: 3 });
    [plans, date].forEach((s) => [s.overall, ...s.dimensions.map((d) => d.estimate)].forEach(expectSound));
  });

  it('When built, Then horsemen are averaged per episode and the ratio skips episodes without negatives', () => {
    expect(report.horsemen).toEqual([
      { key: 'criticism', meanPerEpisode: 0.67 },
      { key: 'contempt', meanPerEpisode: 0.17 },
      { key: 'defensiveness', meanPerEpisode: 0.5 },
      { key: 'stonewalling', meanPerEpisode: 0.33 },
    ]);
    expect(report.positiveToNegativeRatio).toMatchObject({ mean: 5.8, n: 5 });
    expectSound(report.positiveToNegativeRatio!);
  });

  it('When moments tie on |impact|, Then setbacks come first and the rest follow scenario and episode order', () => {
    expect(report.criticalMoments.map((m) => [m.turnId, m.impact])).toEqual([
      ['conflict-over-plans-e0-t4', -4],
      ['conflict-over-plans-e1-t7', 4],
      ['conflict-over-plans-e0-t8', -3],
      ['conflict-over-plans-e2-t5', -3],
      ['first-date-e0-t6', 3],
      ['first-date-e2-t9', 2],
    ]);
    expect(report.criticalMoments[0]).toEqual({
      turnId: 'conflict-over-plans-e0-t4',
      speaker: 'Daniel',
      quote: 'You always decide at the last minute and expect me to follow.',
      dimension: 'conflictRepair',
      impact: -4,
      note: 'A "you always" criticism; the repair attempt two turns later was ignored.',
      scenarioTitle: 'Conflict over weekend plans',
      episodeIndex: 0,
    });
  });

  it('When there are more than 8 critical moments, Then only the 8 strongest are kept', () => {
    const noisy = episode({
      scenarioId: 'chores',
      scenarioTitle: 'Chores',
      episodeIndex: 0,
      scores: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
      ratio: 3,
      moments: Array.from({ length: 10 }, (_, i) => ({
        turnId: `chores-t${i}`,
        speaker: 'Mia',
        quote: `line ${i}`,
        dimension: 'humorAndWarmth' as const,
        impact: 0.5 + i / 10,
        note: '',
      })),
    });
    const moments = buildCompatibilityReport(reportInput({ episodes: [...sixEpisodes, noisy] })).criticalMoments;
    expect(moments).toHaveLength(8);
    expect(moments.map((m) => m.turnId)).not.toContain('chores-t0');
    expect(moments.map((m) => m.turnId)).not.toContain('chores-t5');
  });

  it('When episodes arrive in another order, Then the report is exactly the same', () => {
    const shuffled = [sixEpisodes[4], sixEpisodes[1], sixEpisodes[5], sixEpisodes[0], sixEpisodes[3], sixEpisodes[2]];
    expect(buildCompatibilityReport(reportInput({ episodes: shuffled }))).toEqual(report);
  });

  it('When the seed changes, Then means stay and intervals are redrawn', () => {
    const other = buildCompatibilityReport(reportInput({ seed: 'seed-43' }));
    expect(other.dimensions.map((d) => d.estimate.mean)).toEqual(report.dimensions.map((d) => d.estimate.mean));
    expect(other.dimensions.map((d) => [d.estimate.ciLow, d.estimate.ciHigh])).not.toEqual(
      report.dimensions.map((d) => [d.estimate.ciLow, d.estimate.ciHigh]),
    );
  });

  it('When dimensions share the same scores, Then each is bootstrapped with its own derived seed', () => {
    const flatPair = (i: number, a: number, b: number): EpisodeScore =>
      episode({ scenarioId: 's', scenarioTitle: 'S', episodeIndex: i, scores: [a, a, a, a, a, a, a, a, a, b], ratio: null });
    const values = [1, 9, 4, 6, 2, 8, 5];
    const r = buildCompatibilityReport(reportInput({ episodes: values.map((v, i) => flatPair(i, v, v)) }));
    const intervals = new Set(r.dimensions.map((d) => `${d.estimate.ciLow}/${d.estimate.ciHigh}`));
    expect(intervals.size).toBeGreaterThan(1);
  });

  it('When narrative, cost and models are passed, Then they are carried over, models distinct and sorted', () => {
    expect(report.strengths).toEqual(reportInput().narrative.strengths);
    expect(report.risks).toEqual(reportInput().narrative.risks);
    expect(report.recommendations).toEqual(reportInput().narrative.recommendations);
    expect(report.models).toEqual(['offline-analysis', 'offline-chat']);
    expect(report.costUsd).toBe(0.3);
    expect(report.tokens).toBe(19200);
    expect(report).not.toHaveProperty('generatedAt');
  });

  it('When caveats repeat or scenarios have few episodes, Then caveats are deduplicated and a sample-size one is added', () => {
    const caveat = reportInput().caveats[0];
    const r = buildCompatibilityReport(reportInput({ caveats: [caveat, caveat] }));
    expect(r.caveats).toHaveLength(2);
    expect(r.caveats[0]).toBe(caveat);
    expect(r.caveats[1]).toMatch(/^Some intervals rest on only 3 episodes;/);
  });

  it('When the run was partial with few episodes, Then the flag is kept and a sample-size caveat is added', () => {
    const partial = buildCompatibilityReport(reportInput({ partial: true, episodes: sixEpisodes.slice(0, 2) }));
    expect(partial.partial).toBe(true);
    expect(partial.episodes).toBe(2);
    expect(partial.caveats[0]).toBe(reportInput().caveats[0]);
    expect(partial.caveats[1]).toMatch(/^Some intervals rest on only 2 episodes;/);
    expect(partial.perScenario.map((s) => s.scenarioId)).toEqual(['first-date']);
  });

  it('When no episode finished, Then every estimate is flagged n = 0 and no number is NaN', () => {
    const empty = buildCompatibilityReport(reportInput({ episodes: [], partial: true }));
    expect(empty.overall).toEqual({ mean: 0, ciLow: 0, ciHigh: 0, n: 0 });
    expect(empty.dimensions.every((d) => d.estimate.n === 0)).toBe(true);
    expect(empty.perScenario).toEqual([]);
    expect(empty.positiveToNegativeRatio).toBeNull();
    expect(empty.criticalMoments).toEqual([]);
    expect(empty.horsemen.every((h) => h.meanPerEpisode === 0)).toBe(true);
    expect(empty.caveats.at(-1)).toMatch(/^No episode was scored/);
    expect(numbersIn(empty).every(Number.isFinite)).toBe(true);
  });

  it('When the analysis returns odd scores, Then missing ones are skipped, out-of-range clamped and NaN dropped', () => {
    const odd = episode({ scenarioId: 's', scenarioTitle: 'S', episodeIndex: 0, scores: [12, -3, Number.NaN, 5, 5, 5, 5, 5, 5, 5], ratio: 2 });
    odd.dimensions = odd.dimensions.filter((d) => d.dimension !== 'socialNorms');
    const r = buildCompatibilityReport(reportInput({ episodes: [odd] }));
    const byKey = Object.fromEntries(r.dimensions.map((d) => [d.key, d.estimate]));
    expect(byKey.goalCompletion).toEqual({ mean: 10, ciLow: 10, ciHigh: 10, n: 1 });
    expect(byKey.believability.mean).toBe(0);
    expect(byKey.relationshipChange.n).toBe(0);
    expect(byKey.socialNorms.n).toBe(0);
    // Overall: the 8 usable scores (10, 0 and six 5s) average to 5.
    expect(r.overall).toEqual({ mean: 5, ciLow: 5, ciHigh: 5, n: 1 });
    expect(r.caveats.at(-1)).toMatch(/^Some estimates rest on a single episode/);
    expect(numbersIn(r).every(Number.isFinite)).toBe(true);
  });
});
