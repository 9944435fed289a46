import { bootstrapMeanCi } from './bootstrap';

describe('bootstrapMeanCi', () => {
  const scores = [6, 7.5, 5, 8, 6.5, 4, 7];

  it('When called twice with the same values and seed, Then the interval is identical', () => {
    expect(bootstrapMeanCi(scores, { seed: 'same' })).toEqual(bootstrapMeanCi([...scores], { seed: 'same' }));
  });

  it('When the seed changes, Then the mean stays and the interval moves slightly', () => {
    // Off-grid values: with whole and half points, resample means sit on a coarse grid and both
    // seeds often land on the same order statistics, hiding the change.
    const fine = [6.1, 7.37, 5.02, 8.4, 6.55, 4.13, 7.9];
    const a = bootstrapMeanCi(fine, { seed: 'one' });
    const b = bootstrapMeanCi(fine, { seed: 'two' });
    expect(b.mean).toBe(a.mean);
    expect([b.ciLow, b.ciHigh]).not.toEqual([a.ciLow, a.ciHigh]);
    expect(Math.abs(b.ciLow - a.ciLow)).toBeLessThan(0.3);
    expect(Math.abs(b.ciHigh - a.ciHigh)).toBeLessThan(0.3);
  });

  it('When values vary, Then the interval contains the sample mean and stays within the data range', () => {
    const samples = [scores, [0, 10], [1, 1, 1, 9], [10, 9.5, 0.5, 10, 10], [3, 3.5, 4, 8, 2, 2, 9, 1]];
    samples.forEach((values, i) => {
      const r = bootstrapMeanCi(values, { seed: `contains-${i}` });
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      expect(r.mean).toBeCloseTo(mean, 10);
      expect(r.ciLow).toBeLessThanOrEqual(r.mean);
      expect(r.ciHigh).toBeGreaterThanOrEqual(r.mean);
      expect(r.ciLow).toBeGreaterThanOrEqual(Math.min(...values));
      expect(r.ciHigh).toBeLessThanOrEqual(Math.max(...values));
      expect(r.n).toBe(values.length);
    });
  });

  it('When there are more episodes from the same spread, Then the interval is narrower', () => {
    const pattern = [3, 5, 7, 4, 6, 8, 5];
    const few = bootstrapMeanCi(pattern, { seed: 'width' });
    const many = bootstrapMeanCi(Array.from({ length: 10 }, () => pattern).flat(), { seed: 'width' });
    expect(many.mean).toBeCloseTo(few.mean, 10);
    expect(many.ciHigh - many.ciLow).toBeLessThan((few.ciHigh - few.ciLow) / 2);
  });

  it('When the data are symmetric, Then the 95% interval is close to mean ± 1.96 standard errors', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const r = bootstrapMeanCi(values, { seed: 'normal-approx', resamples: 20000 });
    // The bootstrap uses the plug-in (population) standard deviation: sqrt(60/9) / sqrt(9).
    const se = Math.sqrt(60 / 9) / 3;
    expect(r.ciLow).toBeCloseTo(5 - 1.96 * se, 0);
    expect(r.ciHigh).toBeCloseTo(5 + 1.96 * se, 0);
    const narrow = bootstrapMeanCi(values, { seed: 'normal-approx', resamples: 20000, confidence: 0.5 });
    expect(narrow.ciHigh - narrow.ciLow).toBeLessThan(r.ciHigh - r.ciLow);
  });

  it('When there is a single value, Then the interval collapses to it', () => {
    expect(bootstrapMeanCi([7.25], { seed: 'one' })).toEqual({ mean: 7.25, ciLow: 7.25, ciHigh: 7.25, n: 1 });
  });

  it('When every value is equal, Then the interval has zero width', () => {
    expect(bootstrapMeanCi([6, 6, 6], { seed: 'flat' })).toEqual({ mean: 6, ciLow: 6, ciHigh: 6, n: 3 });
  });

  it('When there are no values, Then the result is all zeros flagged by n = 0, never NaN', () => {
    expect(bootstrapMeanCi([], { seed: 'none' })).toEqual({ mean: 0, ciLow: 0, ciHigh: 0, n: 0 });
  });

  it('When values or options are nonsense, Then it refuses rather than returning NaN', () => {
    expect(() => bootstrapMeanCi([1, Number.NaN], { seed: 's' })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, Infinity], { seed: 's' })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, 2], { seed: 's', resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, 2], { seed: 's', resamples: 2.5 })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, 2], { seed: 's', confidence: 1 })).toThrow(RangeError);
  });
});
