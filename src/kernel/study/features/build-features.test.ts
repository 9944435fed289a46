import { measureConversation } from '../../measures';
import { parsePairs } from '../dataset/parse-pairs';
import { parsePeople } from '../dataset/parse-people';
import { assembleDataset, type StudyDataset } from '../dataset/study-dataset';
import { parseStudySchema } from '../dataset/study-schema';
import { buildFeatures, featureValuesForPair } from './build-features';

const schema = parseStudySchema({
  people: {
    id: 'id',
    group: 'wave',
    attributes: [
      { column: 'age', kind: 'numeric', role: 'age' },
      { column: 'city', kind: 'categorical' },
    ],
    attributeGroups: [
      { name: 'likes', kind: 'profile', columns: ['hike', 'film', 'club'] },
      { name: 'self', kind: 'ratings', columns: ['s_kind', 's_fun', 's_smart'] },
      { name: 'weights', kind: 'importance', columns: ['w_kind', 'w_fun', 'w_smart'], ratings: 'self' },
    ],
  },
  pairs: { personA: 'a', personB: 'b', group: 'wave', outcome: { column: 'yes' }, conversation: 'chat' },
  baselines: [{ name: 'similar likes (L1)', feature: 'l1:likes', direction: 'lower' }],
  fairness: { attribute: 'city', side: 'b' },
});
const PEOPLE = [
  'id,wave,age,city,hike,film,club,s_kind,s_fun,s_smart,w_kind,w_fun,w_smart',
  'p1,w1,30,Oslo,5,3,1,8,6,7,50,30,20',
  'p2,w1,28,Bergen,4,4,2,6,9,6,20,20,60',
  'p3,w1,,Oslo,3,3,3,7,7,7,30,30,40',
].join('\n');
const CHAT = 'p1: Hi! How was your hike on Saturday?\np2: It was lovely, thank you. Do you hike too?\np1: I do, we should go together haha';
const PAIRS = ['a,b,wave,yes,chat', `p1,p2,w1,1,"${CHAT}"`, 'p2,p1,w1,0,', 'p3,p1,w1,1,'].join('\n');

describe('buildFeatures', () => {
  let d: StudyDataset;
  beforeAll(async () => {
    const people = await parsePeople(PEOPLE, schema, 'csv');
    d = assembleDataset(schema, people, await parsePairs(PAIRS, schema, people, 'csv'));
  });

  it('When features are built on a tiny dataset, Then they match hand-computed values', () => {
    const f = buildFeatures(d);
    const value = (pair: number, name: string) => {
      const j = f.names.indexOf(name);
      expect(j).toBeGreaterThanOrEqual(0);
      return f.rows[pair][j];
    };
    expect(value(0, 'abs_diff:age')).toBe(2);
    expect(value(0, 'diff:age')).toBe(2);
    expect(value(1, 'diff:age')).toBe(-2);
    expect(value(0, 'same:city')).toBe(0);
    expect(value(2, 'same:city')).toBe(1);
    // likes (5,3,1) and (4,4,2): cosine 34 / (√35 · 6), mean |difference| 1, Pearson √3/2.
    expect(value(0, 'cosine:likes')).toBeCloseTo(34 / (Math.sqrt(35) * 6), 12);
    expect(value(0, 'l1:likes')).toBeCloseTo(1, 12);
    expect(value(0, 'correlation:likes')).toBeCloseTo(Math.sqrt(3) / 2, 12);
    // p1 weighs (.5, .3, .2); p2 rates herself (6, 9, 6), mean 7: .5·(−1) + .3·2 + .2·(−1) = −0.1.
    expect(value(0, 'importance_fit_a_to_b:weights')).toBeCloseTo(-0.1, 12);
    // p2 weighs (.2, .2, .6); p1 rates himself (8, 6, 7), mean 7: .2·1 + .2·(−1) + .6·0 = 0.
    expect(value(0, 'importance_fit_b_to_a:weights')).toBeCloseTo(0, 12);
  });

  it('When values are missing, Then they stay missing (NaN) for the fits to impute per training fold, and are counted with their all-pairs mean', () => {
    const f = buildFeatures(d);
    const j = f.names.indexOf('abs_diff:age');
    // p3 has no age: the third pair's age gap is missing; the mean of the other two is 2.
    expect(f.rows[2][j]).toBeNaN();
    expect(f.imputation[j]).toEqual({ name: 'abs_diff:age', mean: 2, missing: 1 });
    // p3 rates every like the same: no correlation to compute, so missing.
    const c = f.names.indexOf('correlation:likes');
    expect(f.imputation[c].missing).toBe(1);
    expect(f.rows[2][c]).toBeNaN();
  });

  it('When one pair has a conversation, Then its measures are features and the others are imputed beside a has-conversation flag', () => {
    const f = buildFeatures(d);
    const column = (name: string) => f.rows.map((row) => row[f.names.indexOf(name)]);
    expect(column('conv:has_conversation')).toEqual([1, 0, 0]);
    const measures = measureConversation([
      { id: 'm1', speaker: 'p1', text: 'Hi! How was your hike on Saturday?' },
      { id: 'm2', speaker: 'p2', text: 'It was lovely, thank you. Do you hike too?' },
      { id: 'm3', speaker: 'p1', text: 'I do, we should go together haha' },
    ]);
    expect(column('conv:lsm')).toEqual([measures.pair.lsm.overall.value, NaN, NaN]);
    expect(column('conv:rapport')[0]).toBeCloseTo(measures.pair.rapport.value!, 12);
    expect(column('conv:log_messages')[0]).toBeCloseTo(Math.log(4), 12);
    expect(f.imputation.find((i) => i.name === 'conv:lsm')!.missing).toBe(2);
    // Turned off, no conversation feature is built.
    expect(buildFeatures(d, { conversationMeasures: false }).names.some((n) => n.startsWith('conv:'))).toBe(false);
  });

  it('When built, Then groups, outcome, baselines (declared and automatic) and fairness come with the rows', () => {
    const f = buildFeatures(d);
    expect(f.outcome).toEqual([1, 0, 1]);
    expect(f.groups).toEqual(['w1', 'w1', 'w1']);
    expect(f.baselines.map((b) => b.name)).toEqual(['similar likes (L1)', '−|age difference|', 'likes cosine']);
    expect(f.baselines[0].score[0]).toBeCloseTo(-1, 12);
    // A baseline missing for a pair stays missing: runStudy fills it per outer fold.
    expect(f.baselines[1].score).toEqual([-2, -2, NaN]);
    expect(f.fairness).toEqual({ name: 'person B city', values: ['Bergen', 'Oslo', 'Oslo'] });
    expect(f.names.length).toBe(f.descriptions.length);
  });

  it('When extra pair features are given, Then they are appended; a wrong length is refused', () => {
    const f = buildFeatures(d, { extraPairFeatures: [{ name: 'sim:score', description: 'simulation score', values: [0.7, null, 0.1] }] });
    expect(f.names.at(-1)).toBe('sim:score');
    const last = f.rows.map((r) => r.at(-1)!);
    expect(last[0]).toBe(0.7);
    expect(last[1]).toBeNaN();
    expect(f.imputation.at(-1)).toEqual({ name: 'sim:score', mean: expect.closeTo(0.4, 12), missing: 1 });
    expect(last[2]).toBe(0.1);
    expect(() => buildFeatures(d, { extraPairFeatures: [{ name: 'x', description: 'x', values: [1] }] })).toThrow(/1 values for 3 pairs/);
  });

  it('When one new pair is scored from records, Then featureValuesForPair gives the same values as the table', () => {
    const f = buildFeatures(d);
    const p1 = { age: 30, city: 'Oslo', hike: 5, film: 3, club: 1, s_kind: 8, s_fun: 6, s_smart: 7, w_kind: 50, w_fun: 30, w_smart: 20 };
    const p2 = { age: '28', city: 'Bergen', hike: 4, film: 4, club: 2, s_kind: 6, s_fun: 9, s_smart: 6, w_kind: 20, w_fun: 20, w_smart: 60 };
    const values = featureValuesForPair(schema, p1, p2, d.pairs.conversations[0]!);
    f.names.forEach((name, j) => expect([name, values[name] ?? NaN]).toEqual([name, f.rows[0][j]]));
    const bare = featureValuesForPair(schema, p1, { ...p2, age: null });
    expect(bare['abs_diff:age']).toBeNull();
    expect(bare['conv:has_conversation']).toBe(0);
    expect(bare['conv:lsm']).toBeNull();
  });
});
