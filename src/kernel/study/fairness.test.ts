import { fairnessReport, gapNoiseBar, meanSe } from './fairness';

describe('fairness report', () => {
  it('When computed by hand on two groups, Then rates, gaps and AUCs match', () => {
    // Group a: p = [.9 .6 .2 .1], y = [1 0 1 0]; group b: p = [.8 .3 .3 .2], y = [1 1 0 0].
    const p = [0.9, 0.6, 0.2, 0.1, 0.8, 0.3, 0.3, 0.2];
    const y = [1, 0, 1, 0, 1, 1, 0, 0];
    const g = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
    const report = fairnessReport(p, y, { name: 'category', values: g }, { threshold: 0.5 });
    const [a, b] = report.groups;
    // a: predicted positive {.9, .6}: rate .5, TPR 1/2 (.9 yes, .2 no), FPR 1/2 (.6).
    //    AUC: positives .9, .2 vs negatives .6, .1 — .9 beats both, .2 beats .1 only → 3/4.
    expect(a).toEqual({ value: 'a', n: 4, positives: 2, auc: 0.75, positiveRate: 0.5, truePositiveRate: 0.5, falsePositiveRate: 0.5 });
    // b: predicted positive {.8}: rate .25, TPR 1/2, FPR 0. AUC: .8 beats .3,.2; .3 ties .3 (½), beats .2 → 3.5/4.
    expect(b).toEqual({ value: 'b', n: 4, positives: 2, auc: 0.875, positiveRate: 0.25, truePositiveRate: 0.5, falsePositiveRate: 0 });
    expect(report.demographicParityDifference).toBeCloseTo(0.25, 12);
    expect(report.truePositiveRateGap).toBe(0);
    expect(report.falsePositiveRateGap).toBe(0.5);
    expect(report.equalizedOddsDifference).toBe(0.5);
    expect(report.aucGap).toBeCloseTo(0.125, 12);
    // Without clusters the gap SEs are binomial: parity .5 (n 4) vs .25 (n 4).
    expect(report.gapStandardErrors.demographicParity).toBeCloseTo(Math.sqrt(0.25 / 4 + 0.1875 / 4), 12);
  });

  it('When no threshold is given, Then it is the base rate; a one-class group has no AUC and no TPR', () => {
    const p = [0.9, 0.1, 0.5, 0.4];
    const y = [1, 0, 0, 0];
    const report = fairnessReport(p, y, { name: 'x', values: ['u', 'u', 'v', 'v'] });
    expect(report.threshold).toBe(0.25);
    const v = report.groups.find((group) => group.value === 'v')!;
    expect(v.auc).toBeNull();
    expect(v.truePositiveRate).toBeNull();
    expect(v.falsePositiveRate).toBe(1);
    // The TPR gap needs two groups with positives: only u has one.
    expect(report.truePositiveRateGap).toBeNull();
    expect(report.equalizedOddsDifference).toBe(1);
  });

  it('When a row has no attribute value, Then it is left out', () => {
    const report = fairnessReport([0.9, 0.1, 0.5], [1, 0, 1], { name: 'x', values: ['u', 'u', null] }, { threshold: 0.5 });
    expect(report.groups.map((g) => [g.value, g.n])).toEqual([['u', 2]]);
  });

  it('When rows cluster, Then the cluster-robust SE of a rate exceeds the binomial one', () => {
    // Ten clusters of ten identical rows: really ten observations, not a hundred.
    const values = Array.from({ length: 100 }, (_, i) => (Math.floor(i / 10) % 2 === 0 ? 1 : 0));
    const rows = values.map((_, i) => i);
    const clusters = values.map((_, i) => Math.floor(i / 10));
    const binomial = meanSe(values, rows)!;
    const robust = meanSe(values, rows, clusters)!;
    expect(binomial).toBeCloseTo(0.05, 12);
    // Σ_c (10·(±0.5))² = 10 · 25 = 250; √(10/9 · 250) / 100 = 0.1667: what ten observations give.
    expect(robust).toBeCloseTo(Math.sqrt((10 / 9) * 250) / 100, 12);
    expect(robust).toBeGreaterThan(3 * binomial);
  });

  it('When the gap is a range over K groups, Then the noise bar is Tukey’s studentized range / √2', () => {
    // scipy.stats.studentized_range.ppf(0.95, k, 1e6) / √2: 1.960 (k = 2), 2.569 (4), 3.164 (10).
    expect(gapNoiseBar(2)).toBe(1.96);
    expect(gapNoiseBar(4)).toBe(2.569);
    expect(gapNoiseBar(10)).toBe(3.164);
  });
});
