import type { ConversationMeasures } from '../../kernel/measures';
import { escapeHtml as h } from '../../kernel/text/escape-html';
import { CHART_STYLE, trendCharts } from './health-charts';
import { formatDuration, formatPercent, formatValue, TURNING_POINT_LABELS } from './health-text';
import type { RelationshipHealthReport } from './relationship-health-report';

/**
 * The report as one self-contained HTML page, like the compatibility report's: inline CSS and
 * SVG, no script, no URL, and a Content-Security-Policy that forbids scripts and remote loads
 * behind the escaping. Quotes are the users' own messages, so every string goes through `h`.
 */
export function renderHealthHtml(r: RelationshipHealthReport): string {
  const [a, b] = r.speakers;
  const title = `Relationship health: ${a} & ${b}`;
  const charts = trendCharts(r.trends, r.turningPoints);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}${CHART_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${h(title)}</h1>`,
    `<p class="meta">${r.messages} messages · ${r.months.length} month${r.months.length === 1 ? '' : 's'} · persona <code>${h(r.personaId)}</code></p>`,
    `<section><h2>Summary</h2><ul>${r.summary.map((s) => `<li>${h(s)}</li>`).join('')}</ul></section>`,
    '<section><h2>Overall</h2>',
    overallTable(r.overall, a, b),
    '</section>',
    '<section><h2>Trends by month</h2>',
    r.months.length === 0
      ? '<p>No dated messages: nothing to chart.</p>'
      : charts.map((c) => `<h3>${h(c.title)}</h3>${c.svg}`).join('') + '<p class="note">Dashed grey lines: published reference values (hover for the source). ▼ / ▲: a turning point.</p>',
    '</section>',
    '<section><h2>Turning points</h2>',
    turningPoints(r),
    '</section>',
    `<section><h2>Caveats</h2><ul>${r.caveats.map((c) => `<li>${h(c)}</li>`).join('')}</ul></section>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function overallTable(m: ConversationMeasures, a: string, b: string): string {
  const p = m.pair;
  const pair = [
    ['Rapport index (0–100)', formatValue(p.rapport.value, 1)],
    ['Language style matching', formatValue(p.lsm.overall.value)],
    ['Bids turned toward', formatPercent(p.responsiveness.value)],
    ['Positive : negative interactions', formatValue(p.positiveToNegativeRatio.value)],
    ['Reply-time asymmetry', formatValue(p.replyTimeAsymmetry.value)],
  ];
  const s = m.perSpeaker;
  const speakers: [string, string, string][] = [
    ['Share of messages', formatPercent(s[0].reciprocity.turnShare.value), formatPercent(s[1].reciprocity.turnShare.value)],
    ['Median reply time', formatDuration(s[0].reciprocity.medianReplySeconds.value), formatDuration(s[1].reciprocity.medianReplySeconds.value)],
    ['Turned toward the other’s bids', formatPercent(s[0].bids.responsiveness.value), formatPercent(s[1].bids.responsiveness.value)],
    ['Follow-up questions', String(s[0].questions.followUpQuestions.value ?? 0), String(s[1].questions.followUpQuestions.value ?? 0)],
    ['Sentiment (−1 … +1)', formatValue(s[0].sentiment.meanSentiment.value), formatValue(s[1].sentiment.meanSentiment.value)],
    ['Criticism · contempt · defensiveness · stonewalling', horsemen(m, 0), horsemen(m, 1)],
    ['Repair attempts', String(s[0].gottman.repairAttempts.value ?? 0), String(s[1].gottman.repairAttempts.value ?? 0)],
  ];
  return (
    table(['Measure', 'Value'], pair.map(([label, value]) => [h(label), h(value)])) +
    table(['Per speaker', h(a), h(b)], speakers.map(([label, x, y]) => [h(label), h(x), h(y)]))
  );
}

function horsemen(m: ConversationMeasures, side: 0 | 1): string {
  const g = m.perSpeaker[side].gottman;
  return [g.criticism, g.contempt, g.defensiveness, g.stonewalling].map((x) => String(x.value ?? 0)).join(' · ');
}

function turningPoints(r: RelationshipHealthReport): string {
  if (r.turningPoints.length === 0) {
    return `<p>${r.months.length < 2 ? 'Turning points need at least two months of messages.' : 'No month stood out clearly from the months before it.'}</p>`;
  }
  const items = r.turningPoints.map(
    (t) =>
      '<li><figure>' +
      `<figcaption>${h(t.period)} · ${h(TURNING_POINT_LABELS[t.measure])} <span class="${t.direction === 'DOWN' ? 'neg' : 'pos'}">${t.direction === 'DOWN' ? '▼' : '▲'} ${h(formatValue(t.change, t.measure === 'rapport' ? 1 : 2))}</span></figcaption>` +
      `<p>${h(t.description)}</p>` +
      t.citations
        .map(
          (c) =>
            `<blockquote>“${h(c.quote)}”</blockquote>` +
            `<p class="cite">— ${h(c.speaker)}${c.sentAt ? `, ${h(c.sentAt.toISOString().slice(0, 16).replace('T', ' '))} UTC` : ''} · <code>${h(c.id)}</code></p>`,
        )
        .join('') +
      '</figure></li>',
  );
  return `<ol class="moments">${items.join('')}</ol>`;
}

/** Cells are already HTML (escaped by the caller). */
function table(headers: readonly string[], rows: readonly string[][]): string {
  const head = `<tr>${headers.map((x) => `<th>${x}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

const STYLE = [
  'body{margin:0;background:#f6f5f2;color:#222;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}',
  'main{max-width:780px;margin:0 auto;padding:24px}',
  'h1{font-size:1.6em;margin:0 0 .2em}',
  'h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd;padding-bottom:.2em}',
  'h3{font-size:1em;margin:1em 0 .2em;color:#444}',
  'section{background:#fff;border-radius:8px;padding:4px 18px 14px;margin:14px 0}',
  '.meta,.note,.cite{color:#666;font-size:.9em}',
  'table{border-collapse:collapse;width:100%;margin:.6em 0}',
  'th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left}',
  'td:nth-child(n+2),th:nth-child(n+2){text-align:right}',
  'blockquote{margin:.3em 0;padding:.3em .9em;border-left:3px solid #bbb;background:#fafafa;font-style:italic}',
  'figure{margin:0}figcaption{font-weight:600}',
  '.moments li{margin-bottom:.9em}.pos{color:#1e8449}.neg{color:#c0392b}',
  'code{background:#f0f0f0;padding:0 .3em;border-radius:3px}',
].join('');
