import { calibrationCurve, wilsonInterval } from './calibration';

describe('calibration curve', () => {
  it('When predictions are spread, Then 10 equal-count bins give mean predicted beside observed', () => {
    const p = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    const y = p.map((_, i) => (i % 10 < Math.floor(i / 10) ? 1 : 0)); // bin b holds b positives of 10
    const curve = calibrationCurve(p, y);
    expect(curve).toHaveLength(10);
    curve.forEach((bin, b) => {
      expect(bin.count).toBe(10);
      expect(bin.meanPredicted).toBeCloseTo(b / 10 + 0.05, 12);
      expect(bin.observedRate).toBeCloseTo(b / 10, 12);
      expect(bin.observedLower).toBeLessThanOrEqual(bin.observedRate);
      expect(bin.observedUpper).toBeGreaterThanOrEqual(bin.observedRate);
    });
  });

  it('When predictions tie, Then tied rows share a bin', () => {
    const p = [...Array<number>(50).fill(0.2), ...Array<number>(50).fill(0.6)];
    const y = p.map((v, i) => (i % 5 === 0 || v > 0.5 ? 1 : 0));
    const curve = calibrationCurve(p, y);
    expect(curve.map((b) => b.count)).toEqual([50, 50]);
    expect(curve[0].observedRate).toBeCloseTo(0.2, 12);
  });

  it('When a Wilson interval is asked, Then it matches the textbook value', () => {
    // 81 of 263, Newcombe (1998)'s example: 0.2553–0.3662; scipy 1.17.1's
    // binomtest(81, 263).proportion_ci(method='wilson') gives 0.25528852–0.36620958.
    const [lower, upper] = wilsonInterval(81, 263);
    expect(lower).toBeCloseTo(0.2553, 4);
    expect(upper).toBeCloseTo(0.3662, 4);
  });
});
