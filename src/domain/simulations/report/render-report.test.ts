import { buildCompatibilityReport, type CompatibilityReport } from './compatibility-report';
import { reportInput, sixEpisodes } from './fixtures/episodes';
import { renderReport, REPORT_FORMATS, type ReportFormat } from './render-report';

const build = (overrides = {}) => buildCompatibilityReport(reportInput(overrides));

/** A report whose every free-text field tries to inject markup. */
function hostileReport(): CompatibilityReport {
  const attack = '<script>alert("x")</script>';
  const [first, ...rest] = sixEpisodes;
  return build({
    selfName: `Mia <img src=x onerror=alert(1)>`,
    partnerName: 'Dan & "Co"',
    seed: `seed'${attack}`,
    caveats: [`caveat ${attack}`],
    models: [`model-${attack}`],
    narrative: { strengths: [`strength ${attack}`], risks: ['risk | with pipe\nand newline'], recommendations: ['- looks like a list'] },
    episodes: [
      {
        ...first,
        scenarioTitle: `Date ${attack}`,
        criticalMoments: [
          { turnId: `t-${attack}`, speaker: `<b>Mia</b>`, quote: `I said ${attack} once`, dimension: 'humorAndWarmth', impact: 9, note: `note ${attack}` },
        ],
      },
      ...rest,
    ],
  });
}

describe('renderReport', () => {
  it('When the same inputs are built and rendered twice, Then every format gives identical bytes', () => {
    for (const format of REPORT_FORMATS) {
      expect(renderReport(build(), format)).toEqual(renderReport(build(), format));
    }
  });

  it('When rendered, Then each format carries its content type', () => {
    const types = Object.fromEntries(REPORT_FORMATS.map((f) => [f, renderReport(build(), f).contentType]));
    expect(types).toEqual({
      MARKDOWN: 'text/markdown; charset=utf-8',
      HTML: 'text/html; charset=utf-8',
      JSON: 'application/json; charset=utf-8',
    });
  });

  it('When rendered as Markdown, Then every section is there with intervals, quotes and cited turns', () => {
    const report = build();
    const { body } = renderReport(report, 'MARKDOWN');
    expect(body).toMatch(/^# Compatibility report: Mia & Daniel\n/);
    expect(body).toContain(`**${report.overall.mean.toFixed(2)} (95% CI ${report.overall.ciLow.toFixed(2)}–${report.overall.ciHigh.toFixed(2)}, n = 6)**`);
    expect(body).toContain('| Dimension | Mean | 95% CI | n |');
    const goal = report.dimensions[0].estimate;
    expect(body).toContain(`| Goal completion | 6.50 | ${goal.ciLow.toFixed(2)}–${goal.ciHigh.toFixed(2)} | 6 |`);
    expect(body).toContain('| Scenario | Episodes | Mean | 95% CI | Strongest | Weakest |');
    expect(body).toContain('| Conflict over weekend plans | 3 |');
    expect(body).toContain('### 1. Conflict over weekend plans, episode 1: Conflict repair −4.00');
    expect(body).toContain('> “You always decide at the last minute and expect me to follow.”');
    expect(body).toContain('> — Daniel, turn conflict-over-plans-e0-t4');
    for (const heading of ['Dimensions', 'Per scenario', 'Conflict patterns', 'Critical moments', 'Strengths', 'Risks', 'Recommendations', 'Caveats', 'Cost and models']) {
      expect(body).toContain(`\n## ${heading}\n`);
    }
    expect(body).toContain('- Agree on one fixed shared day each weekend before other plans are made.');
    expect(body).toContain('- Personas are built from 40 chat messages each; fidelity is moderate.');
    expect(body).toContain('- Tokens: 19,200');
    expect(body).toContain('- Cost: $0.3000');
    expect(body).toContain('- Models: offline-analysis, offline-chat');
    expect(body).toContain('- Seed: seed-42');
    expect(body).not.toContain('Partial report');
  });

  it('When rendered as HTML, Then it is one self-contained page with both SVG charts and no script or URL', () => {
    const { body } = renderReport(build(), 'HTML');
    expect(body.startsWith('<!doctype html>')).toBe(true);
    expect(body.match(/<svg /g)).toHaveLength(2);
    expect(body).toContain('aria-labelledby="dimension-chart-title"');
    expect(body).toContain('aria-labelledby="scenario-chart-title"');
    // Ten dimension bars, each with a CI whisker (three lines: the span and two caps).
    expect(body.match(/<rect /g)).toHaveLength(10);
    expect(body.match(/<circle /g)).toHaveLength(2);
    expect(body).not.toMatch(/https?:\/\//);
    expect(body.toLowerCase()).not.toContain('<script');
    expect(body).not.toMatch(/\son[a-z]+=/i);
    expect(body).not.toMatch(/<link|<iframe|<img|url\(/i);
    expect(body).toContain('<blockquote>“You always decide at the last minute and expect me to follow.”</blockquote>');
    expect(body).toContain('turn <code>conflict-over-plans-e0-t4</code>');
    for (const heading of ['Overall compatibility', 'Dimensions', 'Per scenario', 'Conflict patterns', 'Critical moments', 'Strengths', 'Risks', 'Recommendations', 'Caveats', 'Cost and models']) {
      expect(body).toContain(`<h2>${heading}</h2>`);
    }
  });

  it('When user and model strings contain markup, Then HTML escapes every one of them', () => {
    const { body } = renderReport(hostileReport(), 'HTML');
    expect(body.toLowerCase()).not.toContain('<script');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<b>Mia</b>');
    expect(body).toContain('I said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; once');
    expect(body).toContain('<title>Compatibility report: Mia &lt;img src=x onerror=alert(1)&gt; &amp; Dan &amp; &quot;Co&quot;</title>');
    expect(body).toContain('seed&#39;&lt;script&gt;');
    expect(body).toContain('&lt;b&gt;Mia&lt;/b&gt;');
    // The scenario title is escaped inside the SVG labels and tooltips too.
    expect(body).toMatch(/<svg [^]*Date &lt;script&gt;[^]*<\/svg>/);
  });

  it('When user and model strings contain markup, Then Markdown keeps them literal and on one line', () => {
    const { body } = renderReport(hostileReport(), 'MARKDOWN');
    // Every `<` is backslash-escaped, so no Markdown viewer passes it through as raw HTML.
    expect(body).not.toMatch(/(^|[^\\])</m);
    expect(body).toContain('I said \\<script\\>alert("x")\\</script\\> once');
    expect(body).toContain('- risk \\| with pipe and newline');
    expect(body).toContain('- \\- looks like a list');
    expect(body).toContain('| Date \\<script\\>alert("x")\\</script\\> | 3 |');
  });

  it('When the run was partial, Then every format says so and shows the caveats', () => {
    const report = build({ partial: true, episodes: sixEpisodes.slice(0, 4), caveats: ['Offline model: scores are illustrative.'] });
    const markdown = renderReport(report, 'MARKDOWN').body;
    const html = renderReport(report, 'HTML').body;
    const json = JSON.parse(renderReport(report, 'JSON').body);
    expect(markdown).toContain('> **Partial report:');
    expect(markdown).toContain('- Offline model: scores are illustrative.');
    expect(markdown).toContain('- Some estimates rest on a single episode');
    expect(html).toContain('<p class="partial" role="alert"><strong>Partial report:');
    expect(html).toContain('<li>Offline model: scores are illustrative.</li>');
    expect(json.partial).toBe(true);
    expect(json.caveats).toEqual(report.caveats);
  });

  it('When rendered as JSON, Then it round-trips, is pretty-printed, and keeps its key order whatever the source order', () => {
    const report = build();
    const { body } = renderReport(report, 'JSON');
    expect(JSON.parse(body)).toEqual(report);
    expect(body).toMatch(/^\{\n {2}"simulationId": "sim-0001",\n {2}"seed": "seed-42",/);
    // As if read back from Postgres jsonb (keys reordered) with a stray field added.
    const reordered = Object.fromEntries([...Object.entries(report).reverse(), ['generatedAt', '2024-01-01T00:00:00Z']]);
    reordered.overall = { n: report.overall.n, ciHigh: report.overall.ciHigh, ciLow: report.overall.ciLow, mean: report.overall.mean };
    expect(renderReport(reordered as unknown as CompatibilityReport, 'JSON').body).toBe(body);
  });

  it('When nothing was scored, Then Markdown and HTML say "not scored" / "no data" instead of zeros and draw no bars', () => {
    const empty = build({ episodes: [], partial: true });
    const markdown = renderReport(empty, 'MARKDOWN').body;
    const html = renderReport(empty, 'HTML').body;
    expect(markdown).toContain('**not scored**: the judge scored no dimension, so there is no overall verdict.');
    expect(markdown).toContain('| Goal completion | no data | — | 0 |');
    expect(markdown).toContain('No scenario finished an episode.');
    expect(html).toContain('<p class="overall">not scored <span class="ci">the judge scored no dimension, so there is no overall verdict</span></p>');
    expect(html).not.toContain('<rect ');
    expect(html).not.toMatch(/NaN|undefined|0\.00<\/span> \/ 10/);
  });

  it('When episodes finished but the judge scored no dimension, Then the verdict is "not scored", never "0.00 / 10"', () => {
    const unscored = build({ episodes: sixEpisodes.map((e) => ({ ...e, dimensions: [] })) });
    expect(unscored.overall.n).toBe(0);
    expect(renderReport(unscored, 'MARKDOWN').body).toContain('**not scored**');
    expect(renderReport(unscored, 'HTML').body).not.toContain('0.00</span> / 10');
    expect(renderReport(unscored, 'HTML').body).toContain('<p class="overall">not scored');
  });

  it('When an unknown format is asked for, Then it throws', () => {
    expect(() => renderReport(build(), 'PDF' as ReportFormat)).toThrow(RangeError);
  });
});
