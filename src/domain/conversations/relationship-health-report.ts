/**
 * The relationship health report over a persona's imported chats: the measures overall and
 * per month, their trends, the turning points with the messages behind them, caveats and a
 * summary written from the numbers (no model). Pure: the same messages give the same report.
 */
import { measureOverallAndByMonth } from '../../kernel/measures';
import { findTurningPoints } from '../../kernel/measures/turning-points';
import { healthCaveats } from './health-caveats';
import { healthSummary } from './health-summary';
import type { ImportedConversation } from './load-imported-messages';
import { buildTrends } from './health-trends';
import { describeTurningPoint } from './health-text';

export type { CitedMessage, HealthMonth, HealthTurningPoint, RelationshipHealthReport } from './health-report-shape';
import type { RelationshipHealthReport } from './health-report-shape';

export const QUOTE_CHARS = 160;

export function buildRelationshipHealthReport(input: {
  personaId: string;
  conversation: ImportedConversation;
  range: { from?: Date | null; to?: Date | null };
  timeZoneOffsetMinutes?: number;
}): RelationshipHealthReport {
  const { conversation: c } = input;
  const offset = input.timeZoneOffsetMinutes ?? 0;
  const { overall, periods } = measureOverallAndByMonth(c.messages, c.speakers, { utcOffsetMinutes: offset });
  const months = periods.map((p) => ({ period: p.period, from: p.from, to: p.to, messages: p.measures.messages, measures: p.measures }));
  const position = new Map(c.messages.map((m, i) => [m.id, i]));
  const byId = new Map(c.messages.map((m) => [m.id, m]));
  const turningPoints = findTurningPoints(periods, { position }).map((t) => ({
    ...t,
    description: describeTurningPoint(t),
    citations: t.messageIds.flatMap((id) => {
      const m = byId.get(id);
      return m ? [{ id, speaker: m.speaker, sentAt: m.sentAt ?? null, quote: quote(m.text) }] : [];
    }),
  }));
  // A loop, not Math.min(...times): 100,000 arguments would overflow the stack.
  let first: number | null = null;
  let last: number | null = null;
  for (const m of c.messages) {
    const t = m.sentAt?.getTime();
    if (t === undefined) continue;
    if (first === null || t < first) first = t;
    if (last === null || t > last) last = t;
  }
  const report: RelationshipHealthReport = {
    personaId: input.personaId,
    speakers: c.speakers,
    range: { from: input.range.from ?? null, to: input.range.to ?? null },
    timeZoneOffsetMinutes: offset,
    messages: c.messages.length,
    firstMessageAt: first === null ? null : new Date(first),
    lastMessageAt: last === null ? null : new Date(last),
    overall,
    months,
    trends: buildTrends(months),
    turningPoints,
    summary: [],
    caveats: [],
  };
  report.caveats = healthCaveats(report, c);
  report.summary = healthSummary(report);
  return report;
}

/** By code points, so an emoji or a Chinese character is never cut in half. */
export function quote(text: string, max = QUOTE_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
