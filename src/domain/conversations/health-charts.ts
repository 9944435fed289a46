/**
 * Inline SVG line charts of the monthly trends, in the house style of the compatibility
 * report (src/domain/simulations/report/svg-charts.ts): hand-written, no library, no URL, no
 * xmlns, coordinates with one decimal so the markup is identical on every run. Its helpers
 * are private to the bar charts, so the few shared ideas are repeated here.
 */
import type { TurningPoint } from '../../kernel/measures/turning-points';
import { escapeHtml as h } from '../../kernel/text/escape-html';
import { formatDuration, formatValue, TURNING_POINT_LABELS } from './health-text';
import type { TrendKey, TrendSeries } from './health-trends';

const WIDTH = 720;
const HEIGHT = 210;
const PLOT_X = 64;
const PLOT_WIDTH = 560;
const TOP = 14;
const PLOT_HEIGHT = 150;
const LINE_CLASSES = ['side0', 'side1'];

interface Axis {
  min: number;
  max: number;
  ticks: number[];
  format(value: number): string;
  /** Published reference values drawn as dashed lines. */
  references: { value: number; label: string }[];
}

/** Which turning-point measure a trend chart shows (the positive share is read off the ratio chart). */
const TURN_MEASURE: Partial<Record<TrendKey, TurningPoint['measure'][]>> = {
  rapport: ['rapport'],
  lsm: ['lsm'],
  responsiveness: ['responsiveness'],
  positiveToNegativeRatio: ['positiveShare'],
};

/** One chart per trend key: pair measures have one line, per-speaker ones a line per speaker. */
export function trendCharts(trends: readonly TrendSeries[], turningPoints: readonly TurningPoint[]): { title: string; svg: string }[] {
  const keys = [...new Set(trends.map((t) => t.key))];
  return keys.map((key) => {
    const series = trends.filter((t) => t.key === key);
    const turns = turningPoints.filter((t) => TURN_MEASURE[key]?.includes(t.measure));
    return { title: chartTitle(series), svg: lineChart(`trend-${key}`, series, axisFor(key, series), turns) };
  });
}

function chartTitle(series: readonly TrendSeries[]): string {
  return `${series[0]?.label ?? ''} by month (${series[0]?.scale ?? ''})`;
}

function lineChart(id: string, series: readonly TrendSeries[], axis: Axis, turns: readonly TurningPoint[]): string {
  const periods = series[0]?.points.map((p) => p.period) ?? [];
  const xAt = (i: number) => (periods.length <= 1 ? PLOT_X + PLOT_WIDTH / 2 : PLOT_X + (i / (periods.length - 1)) * PLOT_WIDTH);
  const yAt = (v: number) => TOP + PLOT_HEIGHT - ((Math.min(axis.max, Math.max(axis.min, v)) - axis.min) / (axis.max - axis.min)) * PLOT_HEIGHT;
  const bottom = TOP + PLOT_HEIGHT;
  const title = chartTitle(series);
  const parts: string[] = [];

  for (const tick of axis.ticks) {
    parts.push(
      `<line class="grid" x1="${n(PLOT_X)}" y1="${n(yAt(tick))}" x2="${n(PLOT_X + PLOT_WIDTH)}" y2="${n(yAt(tick))}"/>`,
      `<text class="tick" x="${n(PLOT_X - 6)}" y="${n(yAt(tick) + 4)}" text-anchor="end">${h(axis.format(tick))}</text>`,
    );
  }
  for (const ref of axis.references) {
    parts.push(
      `<g><title>${h(ref.label)}</title><line class="ref" x1="${n(PLOT_X)}" y1="${n(yAt(ref.value))}" x2="${n(PLOT_X + PLOT_WIDTH)}" y2="${n(yAt(ref.value))}"/>` +
        `<text class="ref-label" x="${n(PLOT_X + PLOT_WIDTH + 4)}" y="${n(yAt(ref.value) + 4)}">${h(axis.format(ref.value))}</text></g>`,
    );
  }
  // Label at most ~12 months so the axis stays readable over years of chat.
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    if (i % every === 0 || i === periods.length - 1) parts.push(`<text class="tick" x="${n(xAt(i))}" y="${n(bottom + 16)}" text-anchor="middle">${h(p)}</text>`);
  });
  parts.push(`<line class="axis" x1="${n(PLOT_X)}" y1="${n(bottom)}" x2="${n(PLOT_X + PLOT_WIDTH)}" y2="${n(bottom)}"/>`);

  for (const turn of turns) {
    const i = periods.indexOf(turn.period);
    if (i < 0) continue;
    const label = `${turn.period}: ${TURNING_POINT_LABELS[turn.measure]} ${turn.direction === 'DOWN' ? 'fell' : 'rose'} (${formatValue(turn.before)} → ${formatValue(turn.after)})`;
    parts.push(
      `<g class="turn ${turn.direction === 'DOWN' ? 'down' : 'up'}"><title>${h(label)}</title>` +
        `<line x1="${n(xAt(i))}" y1="${n(TOP)}" x2="${n(xAt(i))}" y2="${n(bottom)}"/>` +
        `<text x="${n(xAt(i))}" y="${n(TOP - 3)}" text-anchor="middle">${turn.direction === 'DOWN' ? '▼' : '▲'}</text></g>`,
    );
  }

  series.forEach((s, k) => {
    const cls = series.length === 1 ? 'pair' : LINE_CLASSES[k % LINE_CLASSES.length];
    // A month without a value breaks the line rather than bridging it with an invented slope.
    const segments: string[][] = [[]];
    s.points.forEach((p, i) => {
      if (p.value === null) segments.push([]);
      else segments.at(-1)!.push(`${n(xAt(i))},${n(yAt(p.value))}`);
    });
    for (const seg of segments) if (seg.length > 1) parts.push(`<polyline class="line ${cls}" points="${seg.join(' ')}"/>`);
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      const who = s.speaker ? `${s.speaker}, ` : '';
      parts.push(`<circle class="dot ${cls}" cx="${n(xAt(i))}" cy="${n(yAt(p.value))}" r="3.5"><title>${h(`${who}${p.period}: ${axis.format(p.value)} (n = ${p.n})`)}</title></circle>`);
    });
  });

  if (series.length > 1) {
    series.forEach((s, k) => {
      const x = PLOT_X + k * 180;
      parts.push(
        `<line class="line ${LINE_CLASSES[k % LINE_CLASSES.length]}" x1="${n(x)}" y1="${n(HEIGHT - 8)}" x2="${n(x + 18)}" y2="${n(HEIGHT - 8)}"/>` +
          `<text class="label" x="${n(x + 24)}" y="${n(HEIGHT - 4)}">${h(truncate(s.speaker ?? '', 24))}</text>`,
      );
    });
  }

  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${h(title)}</title>` +
    parts.join('') +
    '</svg>'
  );
}

function axisFor(key: TrendKey, series: readonly TrendSeries[]): Axis {
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  const top = values.length ? Math.max(...values) : 0;
  const share = (v: number) => formatValue(v);
  switch (key) {
    case 'rapport':
      return { min: 0, max: 100, ticks: [0, 25, 50, 75, 100], format: (v) => formatValue(v, v % 1 === 0 ? 0 : 1), references: [] };
    case 'lsm':
      return { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: share, references: [{ value: 0.6, label: 'Typical conversations: LSM 0.6–0.9 (Ireland & Pennebaker 2010)' }] };
    case 'responsiveness':
      return {
        min: 0,
        max: 1,
        ticks: [0, 0.25, 0.5, 0.75, 1],
        format: share,
        references: [
          { value: 0.86, label: 'Couples who stayed married turned toward 86% of bids (Driver & Gottman 2004)' },
          { value: 0.33, label: 'Couples who divorced turned toward 33% (Driver & Gottman 2004)' },
        ],
      };
    case 'positiveToNegativeRatio': {
      const max = Math.max(6, Math.ceil(top));
      const step = max <= 10 ? 2 : Math.ceil(max / 5);
      return { min: 0, max, ticks: range(0, max, step), format: (v) => formatValue(v, v % 1 === 0 ? 0 : 1), references: [{ value: 5, label: 'Stable couples: about 5 positive per negative (Gottman & Levenson 1992)' }] };
    }
    case 'sentiment':
      return { min: -1, max: 1, ticks: [-1, -0.5, 0, 0.5, 1], format: share, references: [] };
    case 'medianReplySeconds': {
      const max = niceSeconds(top);
      return { min: 0, max, ticks: [0, max / 4, max / 2, (3 * max) / 4, max], format: formatDuration, references: [] };
    }
  }
}

/** A round upper bound for reply times: 1, 5, 15, 30 min, 1, 2, 6, 12, 24 h… */
function niceSeconds(top: number): number {
  const steps = [60, 300, 900, 1800, 3600, 7200, 21600, 43200, 86400];
  return steps.find((s) => s >= top) ?? Math.ceil(top / 86400) * 86400;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

function n(value: number): string {
  const fixed = value.toFixed(1);
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Chart CSS for the page's <style>: the pair line green, the user blue, the partner purple. */
export const CHART_STYLE = [
  'svg.chart{max-width:100%;height:auto;display:block;margin:.4em 0}',
  'svg .label,svg .tick,svg .ref-label{font-size:11px;fill:#333}',
  'svg .grid{stroke:#e3e3e3}svg .axis{stroke:#999}',
  'svg .ref{stroke:#7f8c8d;stroke-dasharray:4 3}svg .ref-label{fill:#7f8c8d}',
  'svg .line{fill:none;stroke-width:2}svg .dot{stroke:#fff;stroke-width:1}',
  'svg .pair{stroke:#1e8449}svg .dot.pair{fill:#1e8449}',
  'svg .side0{stroke:#2e86c1}svg .dot.side0{fill:#2e86c1}',
  'svg .side1{stroke:#8e44ad}svg .dot.side1{fill:#8e44ad}',
  'svg .turn line{stroke-dasharray:2 3;stroke-width:1.5}svg .turn text{font-size:11px}',
  'svg .turn.down line{stroke:#c0392b}svg .turn.down text{fill:#c0392b}',
  'svg .turn.up line{stroke:#1e8449}svg .turn.up text{fill:#1e8449}',
].join('');
