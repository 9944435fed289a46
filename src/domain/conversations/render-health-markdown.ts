import type { ConversationMeasures, Measure } from '../../kernel/measures';
import { markdownInline as md } from '../simulations/report/markdown-text';
import { formatDuration, formatPercent, formatValue, TURNING_POINT_LABELS } from './health-text';
import type { TrendSeries } from './health-trends';
import type { RelationshipHealthReport } from './relationship-health-report';

/**
 * The report as GitHub-flavoured Markdown. Markdown viewers strip inline SVG (GitHub does),
 * so the trend charts here are Unicode sparklines, one per series, which render in any
 * viewer, terminal or chat; the HTML export has the full SVG charts.
 */
export function renderHealthMarkdown(r: RelationshipHealthReport): string {
  const [a, b] = r.speakers.map(md);
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# Relationship health: ${a} & ${b}`, '');
  push(`${r.messages} messages · ${r.months.length} month${r.months.length === 1 ? '' : 's'} · persona \`${code(r.personaId)}\`${rangeText(r)}`, '');

  push('## Summary', '', ...r.summary.map((s) => `- ${md(s)}`), '');

  push('## Overall', '', `| Measure | Value | n |`, '|---|---:|---:|');
  for (const [label, m, format] of pairRows(r.overall)) push(`| ${label} | ${format(m.value)} | ${m.n} |`);
  push('', `| Per speaker | ${a} | ${b} |`, '|---|---:|---:|');
  for (const [label, of, format] of speakerRows) push(`| ${label} | ${format(of(r.overall, 0).value)} | ${format(of(r.overall, 1).value)} |`);
  push('');

  push('## Trends by month', '');
  if (r.months.length === 0) push('No dated messages: nothing to chart.', '');
  else {
    push('Sparklines run from the first month (left) to the last; a gap (·) is a month without a value.', '', '| Series | Trend | First | Last |', '|---|---|---:|---:|');
    for (const t of r.trends) push(`| ${md(seriesLabel(t))} | \`${sparkline(t)}\` | ${formatPoint(t, 0)} | ${formatPoint(t, t.points.length - 1)} |`);
    push('', '| Month | Messages | Rapport | LSM | Turned toward | Pos : neg |', '|---|---:|---:|---:|---:|---:|');
    for (const m of r.months) {
      const p = m.measures.pair;
      push(`| ${m.period} | ${m.messages} | ${formatValue(p.rapport.value, 1)} | ${formatValue(p.lsm.overall.value)} | ${formatPercent(p.responsiveness.value)} | ${formatValue(p.positiveToNegativeRatio.value)} |`);
    }
    push('');
  }

  push('## Turning points', '');
  if (r.turningPoints.length === 0) push(r.months.length < 2 ? 'Turning points need at least two months of messages.' : 'No month stood out clearly from the months before it.', '');
  for (const t of r.turningPoints) {
    push(`### ${t.period}: ${TURNING_POINT_LABELS[t.measure]} ${t.direction === 'DOWN' ? '▼' : '▲'}`, '', md(t.description), '');
    for (const c of t.citations) push(`> “${md(c.quote)}”  `, `> — ${md(c.speaker)}${c.sentAt ? `, ${c.sentAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''} · \`${code(c.id)}\``, '');
  }

  push('## Caveats', '', ...r.caveats.map((c) => `- ${md(c)}`), '');
  push('Measures and their sources: query `measureCatalog`, or see src/kernel/measures.', '');
  return lines.join('\n');
}

type Row = [string, Measure, (v: number | null) => string];
function pairRows(m: ConversationMeasures): Row[] {
  const p = m.pair;
  return [
    ['Rapport index (0–100)', { value: p.rapport.value, n: m.messages, messageIds: [] }, (v) => formatValue(v, 1)],
    ['Language style matching', p.lsm.overall, formatValue],
    ['Bids turned toward', p.responsiveness, formatPercent],
    ['Positive : negative interactions', p.positiveToNegativeRatio, formatValue],
    ['Reply-time asymmetry', p.replyTimeAsymmetry, formatValue],
  ];
}

const speakerRows: [string, (m: ConversationMeasures, s: 0 | 1) => Measure, (v: number | null) => string][] = [
  ['Share of messages', (m, s) => m.perSpeaker[s].reciprocity.turnShare, formatPercent],
  ['Conversations started', (m, s) => m.perSpeaker[s].reciprocity.initiations, (v) => formatValue(v, 0)],
  ['Median reply time', (m, s) => m.perSpeaker[s].reciprocity.medianReplySeconds, formatDuration],
  ['Turned toward the other’s bids', (m, s) => m.perSpeaker[s].bids.responsiveness, formatPercent],
  ['Follow-up questions', (m, s) => m.perSpeaker[s].questions.followUpQuestions, (v) => formatValue(v, 0)],
  ['Questions answered', (m, s) => m.perSpeaker[s].questions.questionsAnswered, formatPercent],
  ['Sentiment (−1 … +1)', (m, s) => m.perSpeaker[s].sentiment.meanSentiment, formatValue],
  ['Criticism', (m, s) => m.perSpeaker[s].gottman.criticism, (v) => formatValue(v, 0)],
  ['Contempt', (m, s) => m.perSpeaker[s].gottman.contempt, (v) => formatValue(v, 0)],
  ['Defensiveness', (m, s) => m.perSpeaker[s].gottman.defensiveness, (v) => formatValue(v, 0)],
  ['Stonewalling', (m, s) => m.perSpeaker[s].gottman.stonewalling, (v) => formatValue(v, 0)],
  ['Repair attempts', (m, s) => m.perSpeaker[s].gottman.repairAttempts, (v) => formatValue(v, 0)],
  ['Affection', (m, s) => m.perSpeaker[s].warmth.affection, (v) => formatValue(v, 0)],
  ['Laughter', (m, s) => m.perSpeaker[s].warmth.laughter, (v) => formatValue(v, 0)],
];

const BARS = '▁▂▃▄▅▆▇█';

/** Scaled to the series' own range, so the shape shows even when the values sit close together. */
export function sparkline(t: TrendSeries): string {
  const values = t.points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return t.points
    .map((p) => {
      if (p.value === null) return '·';
      const level = hi === lo ? 3 : Math.round(((p.value - lo) / (hi - lo)) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}

function seriesLabel(t: TrendSeries): string {
  return t.speaker ? `${t.label} (${t.speaker})` : t.label;
}

function formatPoint(t: TrendSeries, i: number): string {
  const p = t.points[i];
  if (!p || p.value === null) return '–';
  if (t.key === 'medianReplySeconds') return formatDuration(p.value);
  if (t.key === 'rapport') return formatValue(p.value, 1);
  return formatValue(p.value);
}

function rangeText(r: RelationshipHealthReport): string {
  if (!r.range.from && !r.range.to) return '';
  const d = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : '…');
  return ` · range ${d(r.range.from)} to ${d(r.range.to)}`;
}

/** Ids go in code spans, where a backslash escape would show: only a backtick could break out. */
const code = (text: string) => text.replace(/`/g, '');
