import type { DimensionEstimate, Estimate, ScenarioBreakdown } from './compatibility-report';
import { escapeHtml } from '../../../kernel/text/escape-html';
import { dimensionLabel, formatEstimate, formatMean } from './report-text';

/**
 * Hand-written inline SVG for the HTML export: the page must work offline and from a file, so
 * no chart library and no CDN. Inline SVG in HTML needs no xmlns (the HTML parser puts it in
 * the SVG namespace), which keeps the page free of any URL. Coordinates are printed with one
 * decimal so the markup is identical on every run.
 */

const WIDTH = 720;
const LABEL_WIDTH = 200;
const PLOT_X = 210;
const PLOT_WIDTH = 420;
const ROW = 28;
const TOP = 8;
const AXIS = 30;
const MAX_SCORE = 10;

/** Horizontal bars of dimension means on a 0–10 axis, with 95% CI whiskers. */
export function dimensionChart(dimensions: readonly DimensionEstimate[]): string {
  const height = TOP + dimensions.length * ROW + AXIS;
  const rows = dimensions.map((d, i) => {
    const e = d.estimate;
    const mid = TOP + i * ROW + ROW / 2;
    const tooltip = `${d.label}: ${formatEstimate(e)}`;
    const bar =
      e.n === 0
        ? ''
        : `<rect x="${n(PLOT_X)}" y="${n(mid - 7)}" width="${n(scale(e.mean))}" height="14" rx="2" fill="${bandColour(e.mean)}"/>`;
    return (
      `<g><title>${escapeHtml(tooltip)}</title>` +
      `<text class="label" x="${n(LABEL_WIDTH)}" y="${n(mid + 4)}" text-anchor="end">${escapeHtml(d.label)}</text>` +
      bar +
      whisker(e, mid) +
      `<text class="value" x="${n(PLOT_X + PLOT_WIDTH + 10)}" y="${n(mid + 4)}">${escapeHtml(formatMean(e))}</text></g>`
    );
  });
  return svg('dimension-chart', 'Dimension means with 95% confidence intervals, 0 to 10', height, rows);
}

/**
 * One row per scenario: the overall mean as a dot with its 95% CI whisker, and each dimension's
 * mean as a faint tick behind it, so the spread across dimensions shows at a glance.
 */
export function scenarioChart(scenarios: readonly ScenarioBreakdown[]): string {
  const height = TOP + Math.max(scenarios.length, 1) * ROW + AXIS;
  const rows = scenarios.map((s, i) => {
    const mid = TOP + i * ROW + ROW / 2;
    const ticks = s.dimensions
      .filter((d) => d.estimate.n > 0)
      .map(
        (d) =>
          `<line class="dim-tick" x1="${n(x(d.estimate.mean))}" y1="${n(mid - 6)}" x2="${n(x(d.estimate.mean))}" y2="${n(mid + 6)}">` +
          `<title>${escapeHtml(`${dimensionLabel(d.key)}: ${formatMean(d.estimate)}`)}</title></line>`,
      )
      .join('');
    const dot =
      s.overall.n === 0
        ? ''
        : `<circle cx="${n(x(s.overall.mean))}" cy="${n(mid)}" r="5" fill="${bandColour(s.overall.mean)}"/>`;
    return (
      `<g><title>${escapeHtml(`${s.title}: ${formatEstimate(s.overall)}`)}</title>` +
      `<text class="label" x="${n(LABEL_WIDTH)}" y="${n(mid + 4)}" text-anchor="end">${escapeHtml(truncate(s.title, 28))}</text>` +
      ticks +
      whisker(s.overall, mid) +
      dot +
      `<text class="value" x="${n(PLOT_X + PLOT_WIDTH + 10)}" y="${n(mid + 4)}">${escapeHtml(formatMean(s.overall))}</text></g>`
    );
  });
  return svg('scenario-chart', 'Overall compatibility per scenario with 95% confidence intervals, 0 to 10', height, rows);
}

function svg(id: string, title: string, height: number, rows: string[]): string {
  const plotBottom = height - AXIS;
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${WIDTH} ${n(height)}" ` +
    `width="${WIDTH}" height="${n(height)}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>` +
    axis(plotBottom) +
    rows.join('') +
    '</svg>'
  );
}

/** Gridlines and labels every 2 points, so bars read against a fixed 0–10 scale. */
function axis(plotBottom: number): string {
  const parts: string[] = [];
  for (let tick = 0; tick <= MAX_SCORE; tick += 2) {
    parts.push(
      `<line class="grid" x1="${n(x(tick))}" y1="${n(TOP)}" x2="${n(x(tick))}" y2="${n(plotBottom)}"/>`,
      `<text class="tick" x="${n(x(tick))}" y="${n(plotBottom + 16)}" text-anchor="middle">${tick}</text>`,
    );
  }
  parts.push(`<line class="axis" x1="${n(PLOT_X)}" y1="${n(plotBottom)}" x2="${n(PLOT_X + PLOT_WIDTH)}" y2="${n(plotBottom)}"/>`);
  return parts.join('');
}

/** A single episode has no interval, and drawing a zero-width whisker would suggest one. */
function whisker(e: Estimate, mid: number): string {
  if (e.n < 2) return '';
  const lo = x(e.ciLow);
  const hi = x(e.ciHigh);
  return (
    `<line class="ci" x1="${n(lo)}" y1="${n(mid)}" x2="${n(hi)}" y2="${n(mid)}"/>` +
    `<line class="ci" x1="${n(lo)}" y1="${n(mid - 5)}" x2="${n(lo)}" y2="${n(mid + 5)}"/>` +
    `<line class="ci" x1="${n(hi)}" y1="${n(mid - 5)}" x2="${n(hi)}" y2="${n(mid + 5)}"/>`
  );
}

function scale(score: number): number {
  return (Math.min(MAX_SCORE, Math.max(0, score)) / MAX_SCORE) * PLOT_WIDTH;
}

function x(score: number): number {
  return PLOT_X + scale(score);
}

/** Red below 4, amber below 7, green from 7; the value is always printed too, colour is a hint. */
function bandColour(score: number): string {
  if (score < 4) return '#c0392b';
  if (score < 7) return '#d68910';
  return '#1e8449';
}

function n(value: number): string {
  const fixed = value.toFixed(1);
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}

/** By code points, so an emoji or CJK title is never cut in half. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
