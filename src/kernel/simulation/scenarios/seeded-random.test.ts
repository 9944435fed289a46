import { SeededRandom } from './seeded-random';

const draws = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('When two generators share a seed, Then they produce the same sequence', () => {
    expect(draws(new SeededRandom('soullink'), 50)).toEqual(draws(new SeededRandom('soullink'), 50));
  });

  it('When the seed is fixed, Then the first draws match the recorded values (same on every machine and Node version)', () => {
    // Recorded once from this implementation; a change here means every stored simulation replays differently.
    expect(draws(new SeededRandom('soullink'), 3)).toEqual(RECORDED_SOULLINK);
    expect(new SeededRandom('soullink').fork('events').int(1, 1000)).toBe(RECORDED_FORK_INT);
  });

  it('When seeds differ in one character, Then the sequences differ', () => {
    expect(draws(new SeededRandom('episode-1'), 5)).not.toEqual(draws(new SeededRandom('episode-2'), 5));
  });

  it('When drawing many values, Then they stay in [0, 1) and spread across the range', () => {
    const values = draws(new SeededRandom('spread'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('When asking for ints, Then both ends are reachable and nothing falls outside', () => {
    const rng = new SeededRandom('ints');
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 5)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rng.int(7, 7)).toBe(7);
  });

  it('When int gets a reversed or fractional range, Then it throws', () => {
    const rng = new SeededRandom('bad');
    expect(() => rng.int(5, 1)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('When picking from an empty array, Then it throws; otherwise it returns a member', () => {
    const rng = new SeededRandom('pick');
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
  });

  it('When shuffling, Then the result is a permutation and the input is untouched', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const shuffled = new SeededRandom('shuffle').shuffle(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual([...input]);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new SeededRandom('shuffle').shuffle(input)).toEqual(shuffled);
  });

  it('When the parent draws more before forking, Then the fork’s stream is unchanged', () => {
    const quiet = new SeededRandom('run');
    const busy = new SeededRandom('run');
    draws(busy, 17);
    expect(draws(busy.fork('events'), 10)).toEqual(draws(quiet.fork('events'), 10));
  });

  it('When a fork draws, Then the parent and sibling forks are unaffected', () => {
    const parent = new SeededRandom('run');
    const untouched = draws(new SeededRandom('run'), 5);
    const sibling = draws(new SeededRandom('run').fork('b'), 5);
    draws(parent.fork('a'), 100);
    expect(draws(parent, 5)).toEqual(untouched);
    expect(draws(parent.fork('b'), 5)).toEqual(sibling);
  });

  it('When forking with different labels, Then the streams differ from each other and from the parent', () => {
    const rng = new SeededRandom('run');
    const a = draws(rng.fork('a'), 5);
    expect(a).not.toEqual(draws(rng.fork('b'), 5));
    expect(a).not.toEqual(draws(new SeededRandom('run'), 5));
    expect(rng.fork('a').seed).toBe('run/a');
  });
});

const RECORDED_SOULLINK = [0.01751197688281536, 0.8335148724727333, 0.9696231514681131];
const RECORDED_FORK_INT = 190;
