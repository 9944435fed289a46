import { auc } from './auc';
import { clusterBootstrapAuc, pairedBootstrapDeltaAuc, quantile } from './bootstrap';
import { mulberry32, normal } from './random';

/** Pairs in groups sharing a random group effect: outcome and score both move with it. */
function clustered(groups: number, perGroup: number, seed: number, groupSd: number) {
  const random = mulberry32(seed);
  const score: number[] = [];
  const noise: number[] = [];
  const label: number[] = [];
  const group: number[] = [];
  for (let g = 0; g < groups; g++) {
    const effect = groupSd * normal(random);
    for (let k = 0; k < perGroup; k++) {
      const s = normal(random);
      score.push(s + effect);
      noise.push(normal(random));
      label.push(0.7 * s + effect + normal(random) > 0 ? 1 : 0);
      group.push(g);
    }
  }
  return { score, noise, label, group };
}

describe('group bootstrap', () => {
  it('When quantiles are taken, Then they interpolate like R type 7 / numpy', () => {
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75; 0.975 of 1..10 = 9.775.
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.975)).toBeCloseTo(9.775, 12);
  });

  it('When the seed is fixed, Then the interval is reproducible and brackets the estimate', () => {
    const d = clustered(30, 20, 1, 0.5);
    const a = clusterBootstrapAuc(d.score, d.label, d.group, { seed: 5, resamples: 500 });
    const b = clusterBootstrapAuc(d.score, d.label, d.group, { seed: 5, resamples: 500 });
    expect(a).toEqual(b);
    expect(a.estimate).toBe(auc(d.score, d.label));
    expect(a.lower!).toBeLessThan(a.estimate!);
    expect(a.upper!).toBeGreaterThan(a.estimate!);
    expect(a.resamples).toBe(500);
  });

  it('When pairs cluster in groups, Then resampling groups gives a wider interval than resampling pairs', () => {
    const d = clustered(20, 40, 2, 1);
    const byGroup = clusterBootstrapAuc(d.score, d.label, d.group, { seed: 1, resamples: 600 });
    const byPair = clusterBootstrapAuc(d.score, d.label, d.score.map((_, i) => i), { seed: 1, resamples: 600 });
    expect(byGroup.upper! - byGroup.lower!).toBeGreaterThan(1.3 * (byPair.upper! - byPair.lower!));
  });

  it('When the interval is checked by simulation, Then it covers the truth about 95% of the time', () => {
    // 60 repeated studies (independent pairs, so the percentile interval should be close to
    // nominal); the truth is the AUC on a very large sample from the same law.
    const truth = auc(...(() => { const d = clustered(2000, 50, 999, 0); return [d.score, d.label] as const; })())!;
    let covered = 0;
    for (let s = 0; s < 60; s++) {
      const d = clustered(40, 15, 100 + s, 0);
      const i = clusterBootstrapAuc(d.score, d.label, d.group, { seed: s, resamples: 300 });
      if (i.lower! <= truth && truth <= i.upper!) covered++;
    }
    expect(covered / 60).toBeGreaterThanOrEqual(0.85);
  });

  it('When a useful score is compared with noise, Then ΔAUC is positive and rarely ≤ 0; with itself, exactly 0', () => {
    const d = clustered(30, 20, 3, 0.3);
    const delta = pairedBootstrapDeltaAuc(d.score, d.noise, d.label, d.group, { seed: 2, resamples: 500 });
    expect(delta.estimate!).toBeCloseTo(auc(d.score, d.label)! - auc(d.noise, d.label)!, 12);
    expect(delta.lower!).toBeGreaterThan(0);
    expect(delta.shareAtOrBelowZero).toBe(0);
    const self = pairedBootstrapDeltaAuc(d.score, d.score, d.label, d.group, { seed: 2, resamples: 200 });
    expect([self.estimate, self.lower, self.upper, self.shareAtOrBelowZero]).toEqual([0, 0, 0, 1]);
  });
});
