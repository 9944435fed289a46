import type { CalibrationBin } from '../calibration';
import { escapeHtml } from '../../text/escape-html';

/**
 * Inline SVG for the study report, in the house style of the simulation report charts
 * (src/domain/simulations/report/svg-charts.ts): hand-written, no chart library, no URL, no
 * xmlns (the HTML parser places inline SVG), coordinates with one decimal so the markup is the
 * same on every run. Both charts are unit squares: probability against probability.
 */
const SIZE = 320;
const PAD_LEFT = 48;
const PAD_BOTTOM = 40;
const PAD = 12;
const WIDTH = PAD_LEFT + SIZE + PAD;
const HEIGHT = PAD + SIZE + PAD_BOTTOM;

/** The ROC curve of the out-of-fold predictions with the chance diagonal. */
export function rocChart(points: readonly { fpr: number; tpr: number }[], auc: number | null): string {
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(x(p.fpr))},${n(y(p.tpr))}`).join(' ');
  const body =
    `<line class="chance" x1="${n(x(0))}" y1="${n(y(0))}" x2="${n(x(1))}" y2="${n(y(1))}"/>` +
    (points.length > 0 ? `<path class="curve" d="${path}"/>` : '') +
    `<text class="value" x="${n(x(0.55))}" y="${n(y(0.1))}">AUC ${auc === null ? 'n/a' : auc.toFixed(3)}</text>`;
  return svg('roc-chart', 'ROC curve of the out-of-fold predictions; the diagonal is chance', 'false-positive rate', 'true-positive rate', body);
}

/** Observed rate against mean prediction per decile, with Wilson 95% whiskers and the diagonal. */
export function calibrationChart(bins: readonly CalibrationBin[]): string {
  const body =
    `<line class="chance" x1="${n(x(0))}" y1="${n(y(0))}" x2="${n(x(1))}" y2="${n(y(1))}"/>` +
    bins
      .map((b) => {
        const cx = x(b.meanPredicted);
        const tip = `decile ${b.bin + 1}: predicted ${b.meanPredicted.toFixed(3)}, observed ${b.observedRate.toFixed(3)} (${b.observedLower.toFixed(3)}–${b.observedUpper.toFixed(3)}), ${b.count} pairs`;
        return (
          `<g><title>${escapeHtml(tip)}</title>` +
          `<line class="ci" x1="${n(cx)}" y1="${n(y(b.observedLower))}" x2="${n(cx)}" y2="${n(y(b.observedUpper))}"/>` +
          `<circle class="dot" cx="${n(cx)}" cy="${n(y(b.observedRate))}" r="4"/></g>`
        );
      })
      .join('');
  return svg('calibration-chart', 'Calibration: observed rate against mean predicted probability per decile, with 95% intervals', 'mean predicted probability', 'observed rate', body);
}

function svg(id: string, title: string, xLabel: string, yLabel: string, body: string): string {
  const ticks: string[] = [];
  for (let t = 0; t <= 1.0001; t += 0.25) {
    ticks.push(
      `<line class="grid" x1="${n(x(t))}" y1="${n(y(0))}" x2="${n(x(t))}" y2="${n(y(1))}"/>`,
      `<line class="grid" x1="${n(x(0))}" y1="${n(y(t))}" x2="${n(x(1))}" y2="${n(y(t))}"/>`,
      `<text class="tick" x="${n(x(t))}" y="${n(y(0) + 16)}" text-anchor="middle">${t.toFixed(2)}</text>`,
      `<text class="tick" x="${n(x(0) - 6)}" y="${n(y(t) + 4)}" text-anchor="end">${t.toFixed(2)}</text>`,
    );
  }
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>` +
    ticks.join('') +
    `<rect class="frame" x="${n(x(0))}" y="${n(y(1))}" width="${SIZE}" height="${SIZE}"/>` +
    body +
    `<text class="label" x="${n(x(0.5))}" y="${n(HEIGHT - 6)}" text-anchor="middle">${escapeHtml(xLabel)}</text>` +
    `<text class="label" x="12" y="${n(y(0.5))}" text-anchor="middle" transform="rotate(-90 12 ${n(y(0.5))})">${escapeHtml(yLabel)}</text>` +
    '</svg>'
  );
}

function x(v: number): number {
  return PAD_LEFT + Math.min(1, Math.max(0, v)) * SIZE;
}

function y(v: number): number {
  return PAD + (1 - Math.min(1, Math.max(0, v))) * SIZE;
}

function n(value: number): string {
  const fixed = value.toFixed(1);
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}
