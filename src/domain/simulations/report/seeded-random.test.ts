import { deriveSeed, seededRandom } from './seeded-random';

const draws = (seed: string, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random());
};

describe('seeded random source', () => {
  it('When two sources share a seed, Then they draw the same sequence', () => {
    expect(draws('run-7', 50)).toEqual(draws('run-7', 50));
  });

  it('When seeds differ by one character, Then the sequences differ from the first draw', () => {
    expect(draws('run-7', 1)[0]).not.toBe(draws('run-8', 1)[0]);
  });

  it('When many values are drawn, Then they lie in [0, 1) and average about one half', () => {
    const values = draws('uniformity', 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('When seeds are derived from parts, Then parts containing separators cannot collide', () => {
    expect(deriveSeed('a:b', 'c')).not.toBe(deriveSeed('a', 'b:c'));
    expect(deriveSeed('s', 'dimension', 'believability')).toBe(deriveSeed('s', 'dimension', 'believability'));
  });
});
