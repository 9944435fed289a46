import { parseChatLog } from '../personas/chat-import/parse-chat-log';
import { isMediaPlaceholder } from '../personas/style';
import { DRIFT_PERIOD, lineDriftLog, whatsappDriftLog } from './fixtures/drifting-couple';
import type { ImportedConversation } from './load-imported-messages';
import { buildRelationshipHealthReport } from './relationship-health-report';
import { renderHealthReport } from './render-health-report';

/** The import path without the database: parse the export, keep text messages, id them. */
function conversationOf(log: string, partner: string, offset = 0): ImportedConversation {
  const parsed = parseChatLog(log, 'AUTO', { timeZoneOffsetMinutes: offset });
  const user = parsed.participants.find((p) => p !== partner)!;
  const messages = parsed.messages
    .filter((m) => !isMediaPlaceholder(m.text))
    .map((m, i) => ({ id: `m${i + 1}`, speaker: m.sender, text: m.text, sentAt: m.sentAt }));
  return { messages, speakers: [user, partner], mediaLeftOut: 0, thirdParty: 0, untimed: 0, truncated: false };
}

describe('buildRelationshipHealthReport', () => {
  it.each([
    ['WhatsApp, English', () => conversationOf(whatsappDriftLog(), 'Jamie'), 0],
    ['LINE, Chinese', () => conversationOf(lineDriftLog(), '小美', 480), 480],
  ])('When a couple drifts apart (%s), Then the months are in order and a downward turn is found in the month it starts, citing that month’s messages', (_label, load, offset) => {
    const conversation = load();
    const report = buildRelationshipHealthReport({ personaId: 'p1', conversation, range: {}, timeZoneOffsetMinutes: offset });
    expect(report.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(report.overall.messages).toBe(conversation.messages.length);
    const down = report.turningPoints.filter((t) => t.direction === 'DOWN');
    expect(down.length).toBeGreaterThan(0);
    expect(down.every((t) => t.period === DRIFT_PERIOD)).toBe(true);
    expect(down.map((t) => t.measure)).toContain('rapport');

    const april = new Set(conversation.messages.filter((m) => m.sentAt && periodOf(m.sentAt, offset) === DRIFT_PERIOD).map((m) => m.id));
    for (const t of report.turningPoints) {
      expect(t.citations.map((c) => c.id)).toEqual(t.messageIds);
      for (const id of t.messageIds) expect(april.has(id)).toBe(true);
    }
    // The summary speaks from the numbers: rapport fell.
    expect(report.summary.join(' ')).toMatch(/Rapport index [\d.]+ of 100 over the whole range; it fell from/);
    const rapport = report.trends.find((t) => t.key === 'rapport')!;
    expect(rapport.points.map((p) => p.period)).toEqual(report.months.map((m) => m.period));
  });

  it('When the Chinese log is measured, Then the caveats name the machine-translated lexicon', () => {
    const report = buildRelationshipHealthReport({ personaId: 'p1', conversation: conversationOf(lineDriftLog(), '小美', 480), range: {}, timeZoneOffsetMinutes: 480 });
    expect(report.caveats.join(' ')).toContain('machine-translated');
  });

  it('When there is nothing to measure, Then the report is empty and says so', () => {
    const report = buildRelationshipHealthReport({
      personaId: 'p1',
      conversation: { messages: [], speakers: ['You', 'Mei'], mediaLeftOut: 0, thirdParty: 0, untimed: 0, truncated: false },
      range: {},
    });
    expect(report).toMatchObject({ messages: 0, months: [], turningPoints: [], firstMessageAt: null });
    expect(report.summary[0]).toContain('No imported messages');
    for (const format of ['MARKDOWN', 'HTML', 'JSON'] as const) expect(renderHealthReport(report, format).body.length).toBeGreaterThan(0);
  });

  it('When rendered, Then Markdown has sparklines, HTML has one SVG chart per trend and no script, and user text is escaped', () => {
    const conversation = conversationOf(whatsappDriftLog({ user: 'Alex', partner: '<script>alert(1)</script>' }), '<script>alert(1)</script>');
    const report = buildRelationshipHealthReport({ personaId: 'p1', conversation, range: {} });
    const html = renderHealthReport(report, 'HTML');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body.match(/<svg class="chart"/g)).toHaveLength(6);
    expect(html.body).toContain('class="turn down"');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('&lt;script&gt;');
    const markdown = renderHealthReport(report, 'MARKDOWN').body;
    expect(markdown).toMatch(/\| Rapport index \| `[▁▂▃▄▅▆▇█·]{6}` \|/);
    expect(markdown).toContain(`### ${DRIFT_PERIOD}: Rapport index ▼`);
    expect(markdown).not.toContain('<script>');
    const json = JSON.parse(renderHealthReport(report, 'JSON').body);
    expect(json.months).toHaveLength(6);
  });

  it('When the same messages are measured twice, Then the documents are identical', () => {
    const build = () => buildRelationshipHealthReport({ personaId: 'p1', conversation: conversationOf(whatsappDriftLog(), 'Jamie'), range: {} });
    expect(renderHealthReport(build(), 'HTML').body).toBe(renderHealthReport(build(), 'HTML').body);
  });
});

function periodOf(d: Date, offsetMinutes: number): string {
  return new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 7);
}
