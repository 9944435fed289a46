import { buildCompatibilityReport, MEASURES_CAVEAT, type CompatibilityReport } from './compatibility-report';
import { reportInput, sixEpisodes } from './fixtures/episodes';
import { conversationMeasures, fixtureRefs, measuredEpisodes } from './fixtures/measures';
import { renderReport } from './render-report';

const measured = measuredEpisodes(sixEpisodes);
const build = (overrides = {}) => buildCompatibilityReport(reportInput({ episodes: measured, messageRefs: fixtureRefs(measured), ...overrides }));

describe('rendering the conversation measures', () => {
  const report = build();
  const markdown = renderReport(report, 'MARKDOWN').body;
  const html = renderReport(report, 'HTML').body;

  it('When rendered as Markdown, Then the measures come right after the overall verdict, before the judge’s dimensions', () => {
    const at = (heading: string) => markdown.indexOf(`\n## ${heading}\n`);
    expect(at('Overall compatibility')).toBeGreaterThan(0);
    expect(at('Conversation measures')).toBeGreaterThan(at('Overall compatibility'));
    expect(at('Judge and measures')).toBeGreaterThan(at('Conversation measures'));
    expect(at('Dimensions')).toBeGreaterThan(at('Judge and measures'));
  });

  it('When rendered as Markdown, Then each measure shows mean, interval, who, definition, source and every episode with its citations', () => {
    const lsm = report.measures.items.find((m) => m.key === 'lsm')!.estimate;
    expect(markdown).toContain(`| Language style matching | both | 0.80 | ${lsm.ciLow.toFixed(2)}–${lsm.ciHigh.toFixed(2)} | 6 |`);
    expect(markdown).toContain('| Questions answered | Daniel | no data | — | 0 |');
    expect(markdown).toContain('Episodes: E1 Conflict over weekend plans, episode 1; E2 Conflict over weekend plans, episode 2;');
    expect(markdown).toContain('- **Bids turned toward** (0–1): Share of bids for connection');
    expect(markdown).toContain('Source: Gottman & Silver; Driver & Gottman 2004');
    expect(markdown).toContain('  - both: E1: 0.20 (n = 5; t3) · E2: 0.20 (n = 5; t3) · E3: 0.20 (n = 5; t3) · E4: 0.25 (n = 4; t2)');
    expect(markdown).toContain('  - Mia: E1: 0 (n = 5) · E2: 2 (n = 5; t6, t8) ·');
    expect(markdown).toContain('    - by scenario: Conflict over weekend plans 0.20 \\[0.20–0.20\\]; First date at a noodle bar 0.25 \\[0.25–0.25\\]');
    // Negative values carry a true minus sign.
    expect(markdown).toContain('  - Mia: E1: −0.05 (n = 5)');
    expect(markdown).toContain(MEASURES_CAVEAT.replace(/ /g, ' '));
  });

  it('When rendered, Then the judge-versus-measures table and the disagreements are in plain words', () => {
    expect(markdown).toContain('| Emotional responsiveness | 6.50/10 | Bids turned toward | 0.22 | 27 bids | +0.43 | 0.88 |');
    expect(markdown).toContain('| Conflict repair | 3.67/10 | Repair attempts per negative interaction | 0.22 | 9 negative interactions | +0.14 | — |');
    expect(markdown).toContain(
      '- The judge gave emotional responsiveness 6.5/10, but only 6 of 27 bids (22%) were turned toward (E1 t5, t7, t9, t10; E2 t5, t7 +15 more turned away or against).',
    );
    expect(html).toContain('<h2>Conversation measures</h2>');
    expect(html).toContain('<h2>Judge and measures</h2>');
    expect(html).toContain('<li>The judge gave humor and warmth 6.8/10, but only 9 of 60 messages (15%) laughed or showed affection, gratitude or we-talk.</li>');
    expect(html).toContain('<td>Language style matching</td><td>both</td><td>0.80</td>');
    expect(html).toContain('both: E1: 0.20 (n = 5; t3) · E2: 0.20 (n = 5; t3)');
    expect(html.indexOf('<h2>Conversation measures</h2>')).toBeLessThan(html.indexOf('<h2>Dimensions</h2>'));
  });

  it('When the judge and measures agree, Then the report says there is no disagreement', () => {
    const agreeing = build({ episodes: measured.map((e) => ({ ...e, dimensions: e.dimensions.filter((d) => !['emotionalResponsiveness', 'humorAndWarmth'].includes(d.dimension)) })) });
    expect(renderReport(agreeing, 'MARKDOWN').body).toContain('No disagreement: where there was enough evidence');
  });

  it('When a report predates the measures (stored without the fields), Then every format renders and says so', () => {
    const { measures: _m, judgeAgreement: _j, ...old } = buildCompatibilityReport(reportInput());
    const stored = old as unknown as CompatibilityReport;
    expect(renderReport(stored, 'MARKDOWN').body).toContain('No episode of this run carries conversation measures');
    expect(renderReport(stored, 'HTML').body).toContain('No episode of this run carries conversation measures');
    expect(JSON.parse(renderReport(stored, 'JSON').body)).toMatchObject({ measures: { episodesMeasured: 0, episodesWithoutMeasures: 6, items: [] }, judgeAgreement: [] });
  });

  it('When a speaker’s name carries markup, Then the measures sections escape it in both formats', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const hostile = build({
      episodes: measured.map((e) => ({ ...e, measures: conversationMeasures({ speakers: [attack, 'Dan | Co'], bids: { total: 3, toward: [], away: [`${e.episodeId}-t2`] } }) })),
    });
    const md = renderReport(hostile, 'MARKDOWN').body;
    const page = renderReport(hostile, 'HTML').body;
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain('| Follow-up questions | Dan \\| Co |');
  });

  it('When rendered as JSON, Then measures and agreement round-trip with a fixed key order', () => {
    const body = renderReport(report, 'JSON').body;
    expect(JSON.parse(body)).toEqual(report);
    expect(renderReport(build(), 'JSON').body).toBe(body);
    expect(body.indexOf('"models"')).toBeLessThan(body.indexOf('"measures"'));
    expect(body.indexOf('"measures"')).toBeLessThan(body.indexOf('"judgeAgreement"'));
  });
});
