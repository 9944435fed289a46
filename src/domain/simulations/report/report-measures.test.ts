import { PAIR_MEASURES, SPEAKER_MEASURES } from '../../../kernel/measures/measure-catalog';
import { buildCompatibilityReport, MEASURES_CAVEAT } from './compatibility-report';
import { reportInput, sixEpisodes } from './fixtures/episodes';
import { fixtureRefs, measuredEpisodes } from './fixtures/measures';

const measured = measuredEpisodes(sixEpisodes);
const build = (overrides = {}) => buildCompatibilityReport(reportInput({ episodes: measured, messageRefs: fixtureRefs(measured), ...overrides }));

describe('report measures', () => {
  const report = build();
  const item = (key: string, speaker: string | null = null) => report.measures.items.find((m) => m.key === key && m.speaker === speaker)!;

  it('When episodes carry measures, Then every pair measure and every speaker measure for each speaker is there, in catalog order', () => {
    expect(report.measures).toMatchObject({ episodesMeasured: 6, episodesWithoutMeasures: 0, speakers: ['Mia', 'Daniel'] });
    expect(report.measures.items.map((m) => `${m.key}/${m.speaker ?? 'pair'}`)).toEqual([
      ...PAIR_MEASURES.map((e) => `${e.key}/pair`),
      ...SPEAKER_MEASURES.flatMap((e) => [`${e.key}/Mia`, `${e.key}/Daniel`]),
    ]);
    const lsm = item('lsm');
    expect(lsm).toMatchObject({ scope: 'PAIR', label: 'Language style matching', definition: PAIR_MEASURES[1].definition, source: PAIR_MEASURES[1].source });
    expect(lsm.estimate).toMatchObject({ mean: 0.8, n: 6 });
    expect(lsm.estimate.ciLow).toBeLessThan(0.8);
    expect(lsm.estimate.ciHigh).toBeGreaterThan(0.8);
  });

  it('When built, Then each episode’s value is listed with its cited messages and short refs, in report order', () => {
    const responsiveness = item('responsiveness');
    expect(report.measures.episodes.map((e) => `${e.key} ${e.episodeId}`)).toEqual([
      'E1 conflict-over-plans-e0', 'E2 conflict-over-plans-e1', 'E3 conflict-over-plans-e2', 'E4 first-date-e0', 'E5 first-date-e1', 'E6 first-date-e2',
    ]);
    expect(responsiveness.episodes[0]).toEqual({
      episodeId: 'conflict-over-plans-e0',
      scenarioId: 'conflict-over-plans',
      scenarioTitle: 'Conflict over weekend plans',
      episodeIndex: 0,
      value: 0.2,
      n: 5,
      messageIds: ['conflict-over-plans-e0-t3'],
      refs: ['t3'],
    });
    expect(responsiveness.estimate.mean).toBe(0.23);
    expect(responsiveness.perScenario.map((s) => [s.scenarioId, s.estimate.mean, s.estimate.n])).toEqual([
      ['conflict-over-plans', 0.2, 3],
      ['first-date', 0.25, 3],
    ]);
    // A speaker measure reads the right side: Mia (side 0) asked the questions.
    expect(item('questionsAnswered', 'Mia').episodes[0]).toMatchObject({ value: 0.75, n: 4, refs: ['t1', 't3', 't5'] });
    expect(item('questionsAnswered', 'Daniel').estimate.n).toBe(0);
  });

  it('When an episode has nothing to measure, Then its value is null, listed, and left out of the mean', () => {
    const ratio = item('positiveToNegativeRatio');
    expect(ratio.episodes.filter((e) => e.value === null).map((e) => e.episodeId)).toEqual(['first-date-e0', 'first-date-e1', 'first-date-e2']);
    expect(ratio.estimate.n).toBe(3);
  });

  it('When no message refs are given, Then citations fall back to shortened ids', () => {
    const plain = buildCompatibilityReport(reportInput({ episodes: measured }));
    expect(plain.measures.items.find((m) => m.key === 'responsiveness')!.episodes[0].refs).toEqual(['#conflict']);
  });

  it('When some episodes predate the measures, Then they are skipped and counted; when none has them, the section is empty', () => {
    const mixed = build({ episodes: [...measured.slice(0, 4), ...sixEpisodes.slice(4)] });
    expect(mixed.measures).toMatchObject({ episodesMeasured: 4, episodesWithoutMeasures: 2 });
    expect(mixed.episodes).toBe(6);
    const old = build({ episodes: sixEpisodes });
    expect(old.measures).toEqual({ episodesMeasured: 0, episodesWithoutMeasures: 6, speakers: [], episodes: [], items: [] });
    expect(old.judgeAgreement).toEqual([]);
    expect(old.caveats).not.toContain(MEASURES_CAVEAT);
    expect(report.caveats.at(-1)).toBe(MEASURES_CAVEAT);
  });

  it('When episodes arrive in another order or the report is built again, Then measures are identical; a new seed redraws only intervals', () => {
    const shuffled = [measured[4], measured[1], measured[5], measured[0], measured[3], measured[2]];
    expect(build({ episodes: shuffled })).toEqual(report);
    const other = build({ seed: 'seed-43' });
    expect(other.measures.items.map((m) => m.estimate.mean)).toEqual(report.measures.items.map((m) => m.estimate.mean));
    expect(other.measures.items.map((m) => m.estimate.ciLow)).not.toEqual(report.measures.items.map((m) => m.estimate.ciLow));
  });
});

describe('report judge agreement', () => {
  const report = build();
  const row = (measure: string) => report.judgeAgreement.find((a) => a.measure === measure)!;

  it('When the judge scores responsiveness well above the bids turned toward, Then the report says so with the turned-away turns', () => {
    expect(row('bidsTurnedToward')).toMatchObject({
      dimension: 'emotionalResponsiveness',
      dimensionLabel: 'Emotional responsiveness',
      episodes: 6,
      judgeMean: 6.5,
      measureValue: 0.22,
      hits: 6,
      total: 27,
      gap: 0.43,
      disagrees: true,
      spearman: 0.88,
      statement: 'The judge gave emotional responsiveness 6.5/10, but only 6 of 27 bids (22%) were turned toward (E1 t5, t7, t9, t10; E2 t5, t7 +15 more turned away or against).',
    });
    expect(row('bidsTurnedToward').citedRefs.slice(0, 4)).toEqual(['t5', 't7', 't9', 't10']);
    expect(row('bidsTurnedToward').citedMessageIds[0]).toBe('conflict-over-plans-e0-t5');
  });

  it('When judge and measure are close, Then no disagreement is claimed; every pairing is listed', () => {
    expect(report.judgeAgreement.map((a) => [a.measure, a.disagrees])).toEqual([
      ['bidsTurnedToward', true],
      ['repairsPerNegative', false],
      ['positiveShare', false],
      ['warmShare', true],
      ['questionsAnswered', false],
    ]);
    expect(row('repairsPerNegative')).toMatchObject({ episodes: 3, judgeMean: 3.67, hits: 2, total: 9, statement: null });
    expect(row('warmShare').statement).toBe('The judge gave humor and warmth 6.8/10, but only 9 of 60 messages (15%) laughed or showed affection, gratitude or we-talk.');
  });
});
