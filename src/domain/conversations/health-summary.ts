/**
 * The report's summary, written from its numbers by fixed rules (no model), so it never says
 * more than the measures do. Comparisons to published figures name the study.
 */
import type { ConversationMeasures } from '../../kernel/measures';
import { formatDuration, formatPercent, formatValue } from './health-text';
import type { RelationshipHealthReport } from './health-report-shape';

/** Months thinner than this are not used to describe a trend (as in the turning points). */
const TREND_MONTH_MIN_MESSAGES = 10;
/** Rapport moves of less than this (points of 100) read as steady. */
const STEADY_RAPPORT = 5;

export function healthSummary(report: RelationshipHealthReport): string[] {
  const { overall: m } = report;
  const [a, b] = report.speakers;
  if (report.messages === 0) return ['No imported messages in this range: import a chat log (or widen the range) to measure the conversation.'];
  const lines = [scope(report), rapport(report), responsiveness(m, a, b), ratio(m), lsm(m), balance(m, a, b), replyTimes(report, a, b), horsemen(m, a, b), turns(report)];
  return lines.filter((line): line is string => line !== null);
}

function scope(r: RelationshipHealthReport): string {
  const [a, b] = r.speakers;
  const span = r.firstMessageAt && r.lastMessageAt ? ` from ${day(r.firstMessageAt, r.timeZoneOffsetMinutes)} to ${day(r.lastMessageAt, r.timeZoneOffsetMinutes)}` : '';
  const months = r.months.length > 0 ? ` (${r.months.length} month${r.months.length === 1 ? '' : 's'} with messages)` : '';
  return `${a} and ${b}: ${r.messages} message${r.messages === 1 ? '' : 's'}${span}${months}.`;
}

function rapport(r: RelationshipHealthReport): string | null {
  const value = r.overall.pair.rapport.value;
  if (value === null) return null;
  const counted = r.months.filter((mo) => mo.messages >= TREND_MONTH_MIN_MESSAGES && mo.measures.pair.rapport.value !== null);
  let trend = '';
  if (counted.length >= 2) {
    const first = counted[0]!;
    const last = counted.at(-1)!;
    const change = last.measures.pair.rapport.value! - first.measures.pair.rapport.value!;
    trend =
      Math.abs(change) < STEADY_RAPPORT
        ? `; it held steady from ${first.period} to ${last.period}`
        : `; it ${change < 0 ? 'fell' : 'rose'} from ${formatValue(first.measures.pair.rapport.value, 1)} in ${first.period} to ${formatValue(last.measures.pair.rapport.value, 1)} in ${last.period}`;
  }
  return `Rapport index ${formatValue(value, 1)} of 100 over the whole range${trend} (a fixed-weight summary of the measures below, not a validated predictor).`;
}

function responsiveness(m: ConversationMeasures, a: string, b: string): string | null {
  const pair = m.pair.responsiveness;
  if (pair.value === null) return 'Neither side made a recognisable bid for connection, so responsiveness could not be measured.';
  const side = (s: 0 | 1, other: string) => {
    const r = m.perSpeaker[s].bids.responsiveness;
    return r.value === null ? null : `${m.perSpeaker[s].speaker} turned toward ${formatPercent(r.value)} of ${other}’s ${r.n} bids`;
  };
  const sides = [side(0, b), side(1, a)].filter((x) => x !== null);
  return (
    `${formatPercent(pair.value)} of ${pair.n} bids for connection were turned toward` +
    (sides.length ? ` (${sides.join('; ')})` : '') +
    '. Driver & Gottman (2004): newlyweds who stayed married turned toward 86% of bids, those who divorced 33%.'
  );
}

function ratio(m: ConversationMeasures): string {
  const positive = m.pair.positiveInteractions.value ?? 0;
  const negative = m.pair.negativeInteractions.value ?? 0;
  if (negative === 0) return `${positive} positive interaction${positive === 1 ? '' : 's'} and no negative one was detected.`;
  const value = m.pair.positiveToNegativeRatio.value!;
  const reading = value >= 5 ? 'at or above' : value >= 1 ? 'below' : 'well below';
  return `${formatValue(value)} positive interactions for each negative one (${positive} : ${negative}), ${reading} the roughly 5 : 1 of stable couples in conflict (Gottman & Levenson 1992).`;
}

function lsm(m: ConversationMeasures): string | null {
  const value = m.pair.lsm.overall.value;
  if (value === null) return null;
  const reading = value < 0.6 ? 'below' : value > 0.9 ? 'above' : 'within';
  return `Language style matching ${formatValue(value)}, ${reading} the 0.6–0.9 of typical conversations (Ireland & Pennebaker 2010).`;
}

function balance(m: ConversationMeasures, a: string, b: string): string | null {
  const share = m.perSpeaker[0].reciprocity.turnShare.value;
  if (share === null || b === '') return null;
  const starts = [m.perSpeaker[0].reciprocity.initiations.value ?? 0, m.perSpeaker[1].reciprocity.initiations.value ?? 0];
  const restart = starts[0] + starts[1] > 0 ? `; ${a} restarted the conversation ${starts[0]} time${starts[0] === 1 ? '' : 's'}, ${b} ${starts[1]}` : '';
  return `${a} wrote ${formatPercent(share)} of the messages, ${b} ${formatPercent(1 - share)}${restart}.`;
}

function replyTimes(r: RelationshipHealthReport, a: string, b: string): string | null {
  const [ra, rb] = r.overall.perSpeaker.map((s) => s.reciprocity.medianReplySeconds.value);
  if ((ra ?? null) === null && (rb ?? null) === null) return null;
  let trend = '';
  const series = r.trends.find((t) => t.key === 'medianReplySeconds' && t.speaker === b);
  const points = series?.points.filter((p) => p.value !== null) ?? [];
  if (points.length >= 2 && points[0]!.value! > 0) {
    const factor = points.at(-1)!.value! / points[0]!.value!;
    if (factor >= 2 || factor <= 0.5) trend = `; ${b}’s went from ${formatDuration(points[0]!.value)} in ${points[0]!.period} to ${formatDuration(points.at(-1)!.value)} in ${points.at(-1)!.period}`;
  }
  return `Median reply time: ${a} ${formatDuration(ra)}, ${b} ${formatDuration(rb)}${trend}.`;
}

function horsemen(m: ConversationMeasures, a: string, b: string): string | null {
  const keys = ['criticism', 'contempt', 'defensiveness', 'stonewalling'] as const;
  const parts = keys.flatMap((k) => {
    const [x, y] = [m.perSpeaker[0].gottman[k].value ?? 0, m.perSpeaker[1].gottman[k].value ?? 0];
    return x + y === 0 ? [] : [`${k} ${x + y} (${a} ${x}, ${b} ${y})`];
  });
  if (parts.length === 0) return 'No message showed criticism, contempt, defensiveness or stonewalling (Gottman’s Four Horsemen).';
  const repairs = (m.perSpeaker[0].gottman.repairAttempts.value ?? 0) + (m.perSpeaker[1].gottman.repairAttempts.value ?? 0);
  return `Four Horsemen markers (Gottman): ${parts.join(', ')}; ${repairs} repair attempt${repairs === 1 ? '' : 's'}.`;
}

function turns(r: RelationshipHealthReport): string | null {
  if (r.months.length < 2) return null;
  if (r.turningPoints.length === 0) return 'No month stood out clearly from the months before it.';
  const largest = [...r.turningPoints].sort((x, y) => Math.abs(y.change) / scaleOf(y.measure) - Math.abs(x.change) / scaleOf(x.measure))[0]!;
  const n = r.turningPoints.length;
  return `${n} turning point${n === 1 ? '' : 's'}; the largest: ${largest.description}`;
}

const scaleOf = (measure: string) => (measure === 'rapport' ? 100 : 1);
/** The calendar day in the report's time zone, as the months are split. */
const day = (d: Date, offsetMinutes: number) => new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
