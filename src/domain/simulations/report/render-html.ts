import type { CompatibilityReport, Estimate } from './compatibility-report';
import { escapeHtml as h } from '../../../kernel/text/escape-html';
import {
  dimensionLabel,
  episodeLabel,
  extremes,
  formatEstimate,
  formatImpact,
  formatInterval,
  formatMean,
  formatScore,
  formatTokens,
  formatUsd,
  GOTTMAN_RATIO,
  horsemanLabel,
  NOT_SCORED,
  PARTIAL_NOTICE,
} from './report-text';
import { measuresHtml } from './render-measures-html';
import { dimensionChart, scenarioChart } from './svg-charts';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no URL, so it
 * opens offline, from an attachment or a file. The Content-Security-Policy forbids scripts and
 * remote loads as a second line behind escaping: even a string that slipped through could not
 * run or call home.
 */
export function renderHtml(report: CompatibilityReport): string {
  const title = `Compatibility report: ${report.selfName} & ${report.partnerName}`;
  const scenarios = report.perScenario.length;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${h(title)}</h1>`,
    report.partial ? `<p class="partial" role="alert"><strong>${h(PARTIAL_NOTICE)}</strong></p>` : '',
    `<p class="meta">${report.episodes} episode${report.episodes === 1 ? '' : 's'} across ${scenarios} scenario${scenarios === 1 ? '' : 's'} · simulation ${h(report.simulationId)} · seed ${h(report.seed)}</p>`,

    '<section><h2>Overall compatibility</h2>',
    overall(report.overall),
    '<p class="note">Each episode’s overall score is the mean of its dimension scores; intervals are 95% percentile bootstrap intervals over episodes.</p>',
    '</section>',
    measuresHtml(report, table),

    '<section><h2>Dimensions</h2>',
    dimensionChart(report.dimensions),
    table(
      ['Dimension', 'Mean', '95% CI', 'n'],
      report.dimensions.map((d) => [h(d.label), ...estimateCells(d.estimate)]),
    ),
    '</section>',

    '<section><h2>Per scenario</h2>',
    scenarios === 0
      ? '<p>No scenario finished an episode.</p>'
      : scenarioChart(report.perScenario) +
        '<p class="note">Dot: overall mean with its 95% CI; faint ticks: each dimension’s mean.</p>' +
        table(
          ['Scenario', 'Episodes', 'Mean', '95% CI', 'Strongest', 'Weakest'],
          report.perScenario.map((s) => {
            const [strongest, weakest] = extremes(s.dimensions);
            return [h(s.title), String(s.episodes), h(formatMean(s.overall)), h(formatInterval(s.overall)), h(strongest), h(weakest)];
          }),
        ),
    '</section>',

    '<section><h2>Conflict patterns</h2>',
    table(
      ['Horseman (Gottman)', 'Mean per episode'],
      report.horsemen.map((x) => [h(horsemanLabel(x.key)), formatScore(x.meanPerEpisode)]),
    ),
    `<p>${
      report.positiveToNegativeRatio === null
        ? 'Positive-to-negative ratio: no negative interaction was recorded.'
        : `Positive-to-negative ratio: ${h(formatEstimate(report.positiveToNegativeRatio))}; stable couples show about ${GOTTMAN_RATIO}:1 or more.`
    }</p>`,
    '</section>',

    '<section><h2>Critical moments</h2>',
    report.criticalMoments.length === 0 ? '<p>None recorded.</p>' : criticalMoments(report),
    '</section>',

    list('Strengths', report.strengths),
    list('Risks', report.risks),
    list('Recommendations', report.recommendations),
    list('Caveats', report.caveats),
    report.validity ? `<section><h2>Validity</h2><p>${h(report.validity.statement)}</p></section>` : '',

    '<section><h2>Cost and models</h2><ul>',
    `<li>Tokens: ${formatTokens(report.tokens)}</li>`,
    `<li>Cost: ${formatUsd(report.costUsd)}</li>`,
    `<li>Models: ${report.models.length === 0 ? 'none recorded' : report.models.map(h).join(', ')}</li>`,
    `<li>Seed: <code>${h(report.seed)}</code></li>`,
    '</ul></section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

function overall(e: Estimate): string {
  if (e.n === 0) return `<p class="overall">${NOT_SCORED} <span class="ci">the judge scored no dimension, so there is no overall verdict</span></p>`;
  const interval = e.n === 1 ? 'single episode, no interval' : `95% CI ${formatInterval(e)} · n = ${e.n}`;
  return `<p class="overall"><span class="score">${formatScore(e.mean)}</span> / 10 <span class="ci">${h(interval)}</span></p>`;
}

function criticalMoments(report: CompatibilityReport): string {
  const items = report.criticalMoments.map(
    (m) =>
      '<li><figure>' +
      `<figcaption>${h(m.scenarioTitle)}, ${episodeLabel(m.episodeIndex)} · ${h(dimensionLabel(m.dimension))} ` +
      `<span class="${m.impact < 0 ? 'neg' : 'pos'}">${formatImpact(m.impact)}</span></figcaption>` +
      `<blockquote>“${h(m.quote)}”</blockquote>` +
      `<p class="cite">— ${h(m.speaker)}, turn <code>${h(m.turnId)}</code></p>` +
      (m.note.trim() ? `<p>${h(m.note)}</p>` : '') +
      '</figure></li>',
  );
  return `<ol class="moments">${items.join('')}</ol>`;
}

function list(title: string, items: readonly string[]): string {
  const body = items.length === 0 ? '<p>None recorded.</p>' : `<ul>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
  return `<section><h2>${h(title)}</h2>${body}</section>`;
}

/** Cells are already HTML (escaped by the caller), so headers and cells are not escaped twice. */
function table(headers: readonly string[], rows: readonly string[][]): string {
  const head = `<tr>${headers.map((x) => `<th>${x}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function estimateCells(e: Estimate): string[] {
  return [h(formatMean(e)), h(formatInterval(e)), String(e.n)];
}

const STYLE = [
  'body{margin:0;background:#f6f5f2;color:#222;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}',
  'main{max-width:780px;margin:0 auto;padding:24px}',
  'h1{font-size:1.6em;margin:0 0 .2em}',
  'h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd;padding-bottom:.2em}',
  'section{background:#fff;border-radius:8px;padding:4px 18px 14px;margin:14px 0}',
  '.meta,.note,.cite{color:#666;font-size:.9em}',
  '.partial{background:#fdecea;border-left:4px solid #c0392b;padding:10px 14px;border-radius:4px}',
  '.overall{font-size:1.1em}.overall .score{font-size:2.2em;font-weight:700}.overall .ci{color:#555;margin-left:.6em}',
  'table{border-collapse:collapse;width:100%;margin:.6em 0}',
  'th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left}',
  'td:nth-child(n+2),th:nth-child(n+2){text-align:right}',
  'svg.chart{max-width:100%;height:auto;display:block;margin:.4em 0}',
  'svg .label,svg .value,svg .tick{font-size:12px;fill:#333}',
  'svg .grid{stroke:#e3e3e3}svg .axis{stroke:#999}',
  'svg .ci{stroke:#222;stroke-width:1.5}svg .dim-tick{stroke:#7f8c8d;stroke-opacity:.45;stroke-width:2}',
  'blockquote{margin:.3em 0;padding:.3em .9em;border-left:3px solid #bbb;background:#fafafa;font-style:italic}',
  'figure{margin:0}figcaption{font-weight:600}',
  '.moments li{margin-bottom:.9em}.pos{color:#1e8449}.neg{color:#c0392b}',
  'code{background:#f0f0f0;padding:0 .3em;border-radius:3px}',
  'h3{font-size:1em;margin:1.2em 0 .4em}.measures li{margin-bottom:.5em}.measures ul{margin:.2em 0}.disagreements li{margin-bottom:.4em}',
].join('');
