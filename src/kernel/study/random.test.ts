import { deriveSeed, logistic, mulberry32, normal, shuffled } from './random';

describe('seeded randomness', () => {
  it('When ported, Then mulberry32 matches the reference implementation bit for bit', () => {
    // Tommy Ettinger's reference mulberry32, as commonly published (JavaScript).
    function reference(a: number) {
      return function () {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [0, 1, 42, 0xdeadbeef]) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });

  it('When drawn many times, Then the deviates have the right moments', () => {
    const random = mulberry32(9);
    const n = 200000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let l2 = 0;
    for (let i = 0; i < n; i++) {
      u += random();
      const v = normal(random);
      z += v;
      z2 += v * v;
      l2 += logistic(random) ** 2;
    }
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(z / n).toBeCloseTo(0, 2);
    expect(z2 / n).toBeCloseTo(1, 1);
    expect(l2 / n).toBeCloseTo(Math.PI ** 2 / 3, 1); // variance of the standard logistic
  });

  it('When seeds are derived, Then they are stable and differ by purpose', () => {
    expect(deriveSeed(1, 'folds')).toBe(deriveSeed(1, 'folds'));
    expect(deriveSeed(1, 'folds')).not.toBe(deriveSeed(1, 'bootstrap'));
    expect(deriveSeed(1, 'folds')).not.toBe(deriveSeed(2, 'folds'));
    expect(shuffled([1, 2, 3, 4, 5], mulberry32(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
