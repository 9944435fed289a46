import type { CompatibilityReport } from './compatibility-report';
import { escapeHtml as h } from '../../../kernel/text/escape-html';
import {
  AGREEMENT_INTRO,
  agreementCells,
  episodeEntries,
  episodeLegend,
  measuresIntro,
  NO_DISAGREEMENT,
  NO_MEASURES,
  scenarioSummary,
  whoLabel,
} from './measures-text';
import { formatMeasureInterval, formatMeasureMean } from './report-text';

/** "Conversation measures" and "Judge and measures" as HTML sections; every string escaped here. */
export function measuresHtml(report: CompatibilityReport, table: (headers: string[], rows: string[][]) => string): string {
  const { measures } = report;
  if (measures.episodesMeasured === 0) return `<section><h2>Conversation measures</h2><p>${h(NO_MEASURES)}</p></section>`;

  const legend = episodeLegend(measures);
  const keys = [...new Set(measures.items.map((m) => m.key))];
  const definitions = keys.map((key) => {
    const group = measures.items.filter((m) => m.key === key);
    const first = group[0];
    const perWho = group.map((m) => {
      const scenarios = scenarioSummary(m);
      return `<li>${h(whoLabel(m))}: ${episodeEntries(m, legend).map(h).join(' · ')}${scenarios ? `<br><span class="note">by scenario: ${h(scenarios)}</span>` : ''}</li>`;
    });
    return (
      `<li><strong>${h(first.label)}</strong> (${h(first.scale)}): ${h(first.definition)} ` +
      `<span class="note">Source: ${h(first.source)}</span><ul>${perWho.join('')}</ul></li>`
    );
  });

  const disagreements = report.judgeAgreement.filter((a) => a.statement);
  return [
    '<section><h2>Conversation measures</h2>',
    `<p class="note">${h(measuresIntro(measures))}</p>`,
    table(
      ['Measure', 'Who', 'Mean', '95% CI', 'n'],
      measures.items.map((m) => [h(m.label), h(whoLabel(m)), h(formatMeasureMean(m.estimate)), h(formatMeasureInterval(m.estimate)), String(m.estimate.n)]),
    ),
    '<h3>Definitions and citations</h3>',
    `<p class="note">Episodes: ${legend.map((e) => `${h(e.key)} ${h(e.label)}`).join('; ')}.</p>`,
    `<ul class="measures">${definitions.join('')}</ul>`,
    '</section>',
    '<section><h2>Judge and measures</h2>',
    `<p class="note">${h(AGREEMENT_INTRO)}</p>`,
    table(
      ['Judge dimension', 'Judge', 'Paired measure', 'Measure', 'Evidence', 'Gap', 'Spearman ρ'],
      report.judgeAgreement.map((a) => {
        const c = agreementCells(a);
        return [h(a.dimensionLabel), h(c.judge), h(a.measureLabel), h(c.measure), h(c.evidence), h(c.gap), h(c.rho)];
      }),
    ),
    disagreements.length === 0
      ? `<p>${h(NO_DISAGREEMENT)}</p>`
      : `<h3>Where they disagree</h3><ul class="disagreements">${disagreements.map((a) => `<li>${h(a.statement!)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}
