import { conversationMeasures } from '../../domain/simulations/report/fixtures/measures';
import { DISAGREEMENT_THRESHOLD, JUDGE_MEASURE_KEYS, JUDGE_PAIRINGS, judgeAgreement, spearmanRho, type JudgedEpisode } from './judge-agreement';

const byKey = (rows: ReturnType<typeof judgeAgreement>) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('judgeAgreement', () => {
  it('When the judge gives responsiveness 9/10 but most bids were turned away, Then it says so in plain words with the turned-away messages', () => {
    const episode: JudgedEpisode = {
      judge: { emotionalResponsiveness: 9 },
      measures: conversationMeasures({ bids: { total: 7, toward: ['t2', 't8'], away: ['t3', 't5', 't7', 't10', 't12'] } }),
    };
    const row = byKey(judgeAgreement([episode])).bidsTurnedToward;
    expect(row).toMatchObject({ dimension: 'emotionalResponsiveness', episodes: 1, judgeMean: 9, hits: 2, total: 7, enoughEvidence: true, disagrees: true, spearman: null });
    expect(row.measureValue).toBeCloseTo(2 / 7);
    expect(row.statement).toBe('The judge gave emotional responsiveness 9.0/10, but only 2 of 7 bids (29%) were turned toward (t3, t5, t7, t10, t12 turned away or against).');
    expect(row.citedMessageIds).toEqual(['t3', 't5', 't7', 't10', 't12']);
  });

  it('When the judge is lower than the measure, Then the statement cites the supporting messages and says no "only"', () => {
    const episode: JudgedEpisode = {
      judge: { communicationQuality: 2 },
      measures: conversationMeasures({ questions: { asked: ['t1', 't3', 't5', 't7'], answered: ['t1', 't3', 't5', 't7'], followUps: 2 } }),
    };
    const row = byKey(judgeAgreement([episode], { cite: (ids) => ids.join(' · ') })).questionsAnswered;
    expect(row.disagrees).toBe(true);
    expect(row.statement).toBe(
      'The judge gave communication quality 2.0/10, but 4 of 4 questions (100%) were answered in the next reply, with 2 follow-up questions (t1 · t3 · t5 · t7 answered).',
    );
  });

  it('When the gap is under the threshold or evidence is thin, Then nothing is flagged', () => {
    const close: JudgedEpisode = { judge: { emotionalResponsiveness: 6 }, measures: conversationMeasures({ bids: { total: 5, toward: ['a', 'b', 'c'], away: ['d', 'e'] } }) };
    const thin: JudgedEpisode = { judge: { conflictRepair: 9 }, measures: conversationMeasures({ negatives: ['n1', 'n2'], repairs: [] }) };
    expect(byKey(judgeAgreement([close])).bidsTurnedToward).toMatchObject({ disagrees: false, statement: null, citedMessageIds: [] });
    expect(byKey(judgeAgreement([thin])).repairsPerNegative).toMatchObject({ enoughEvidence: false, disagrees: false, total: 2 });
  });

  it('When the gap is exactly the threshold, Then it counts as a disagreement (documented as "at least")', () => {
    // 8/10 vs 9 of 20 (0.45): a gap of 0.35, which floating point may put a hair either side.
    const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const e: JudgedEpisode = { judge: { humorAndWarmth: 8 }, measures: conversationMeasures({ positives: ids(9, 'p'), negatives: ids(11, 'n') }) };
    const row = byKey(judgeAgreement([e])).positiveShare;
    expect(row.gap).toBeCloseTo(DISAGREEMENT_THRESHOLD);
    expect(row.disagrees).toBe(true);
  });

  it('When episodes differ in evidence, Then the measure is pooled over them and the judge is averaged over the same episodes', () => {
    const episodes: JudgedEpisode[] = [
      { judge: { emotionalResponsiveness: 8 }, measures: conversationMeasures({ bids: { total: 1, toward: ['a'], away: [] } }) },
      { judge: { emotionalResponsiveness: 4 }, measures: conversationMeasures({ bids: { total: 9, toward: ['b', 'c', 'd'], away: ['e'] } }) },
      // No bids: left out of both sides of the comparison.
      { judge: { emotionalResponsiveness: 0 }, measures: conversationMeasures() },
      // Not scored by the judge: left out too.
      { judge: {}, measures: conversationMeasures({ bids: { total: 4, toward: [], away: ['f'] } }) },
    ];
    const row = byKey(judgeAgreement(episodes)).bidsTurnedToward;
    expect(row).toMatchObject({ episodes: 2, judgeMean: 6, hits: 4, total: 10, measureValue: 0.4 });
    expect(row.gap).toBeCloseTo(0.2);
  });

  it('When repairs outnumber negative interactions, Then the value caps at 1', () => {
    const e: JudgedEpisode = { judge: { conflictRepair: 1 }, measures: conversationMeasures({ negatives: ['n1', 'n2', 'n3'], repairs: ['r1', 'r2', 'r3', 'r4'] }) };
    const row = byKey(judgeAgreement([e])).repairsPerNegative;
    expect(row.measureValue).toBe(1);
    expect(row.statement).toBe('The judge gave conflict repair 1.0/10, but 4 repair attempts for 3 negative interactions (r1, r2, r3, r4 repair attempts).');
  });

  it('When the judge is above a low warm share, Then the statement has no citation (absence cannot be cited)', () => {
    const e: JudgedEpisode = { judge: { humorAndWarmth: 9 }, measures: conversationMeasures({ messages: 12, laughter: ['t4'] }) };
    expect(byKey(judgeAgreement([e])).warmShare.statement).toBe(
      'The judge gave humor and warmth 9.0/10, but only 1 of 12 messages (8%) laughed or showed affection, gratitude or we-talk.',
    );
  });

  it('When there are at least 5 episodes, Then Spearman’s ρ between judge and per-episode value is given', () => {
    const make = (score: number, toward: number): JudgedEpisode => ({
      judge: { emotionalResponsiveness: score },
      measures: conversationMeasures({ bids: { total: 4, toward: Array.from({ length: toward }, (_, i) => `t${i}`), away: [] } }),
    });
    const four = [make(2, 0), make(4, 1), make(6, 2), make(8, 3)];
    expect(byKey(judgeAgreement(four)).bidsTurnedToward.spearman).toBeNull();
    expect(byKey(judgeAgreement([...four, make(10, 4)])).bidsTurnedToward.spearman).toBeCloseTo(1);
    expect(byKey(judgeAgreement([...four, make(10, 4)].map((e, i, all) => ({ ...e, judge: all[all.length - 1 - i].judge })))).bidsTurnedToward.spearman).toBeCloseTo(-1);
  });

  it('When no episode carries evidence, Then every pairing is empty, not NaN', () => {
    for (const row of judgeAgreement([{ judge: { emotionalResponsiveness: 5 }, measures: conversationMeasures({ messages: 0 }) }])) {
      expect(row).toMatchObject({ episodes: 0, judgeMean: null, measureValue: null, gap: null, disagrees: false, spearman: null });
    }
  });

  it('Pairings are documented and keyed once each', () => {
    expect(JUDGE_PAIRINGS.map((p) => p.key)).toEqual([...JUDGE_MEASURE_KEYS]);
    for (const p of JUDGE_PAIRINGS) {
      expect(p.definition.length).toBeGreaterThan(20);
      expect(p.rationale.length).toBeGreaterThan(20);
    }
  });
});

describe('spearmanRho', () => {
  it('When ranks tie, Then they share their average rank', () => {
    expect(spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 6);
    expect(spearmanRho([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearmanRho([1], [2])).toBeNull();
  });
});
