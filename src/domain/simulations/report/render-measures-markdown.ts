import type { CompatibilityReport } from './compatibility-report';
import { markdownInline as md } from './markdown-text';
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

/** "Conversation measures" and "Judge and measures" as Markdown lines. */
export function measuresMarkdown(report: CompatibilityReport): string[] {
  const { measures } = report;
  const lines: string[] = ['## Conversation measures', ''];
  if (measures.episodesMeasured === 0) return [...lines, NO_MEASURES, ''];

  lines.push(md(measuresIntro(measures)), '', '| Measure | Who | Mean | 95% CI | n |', '|---|---|---:|---:|---:|');
  for (const m of measures.items) {
    lines.push(`| ${md(m.label)} | ${md(whoLabel(m))} | ${formatMeasureMean(m.estimate)} | ${formatMeasureInterval(m.estimate)} | ${m.estimate.n} |`);
  }
  lines.push('');

  const legend = episodeLegend(measures);
  lines.push('### Definitions and citations', '', `Episodes: ${legend.map((e) => `${e.key} ${md(e.label)}`).join('; ')}.`, '');
  // One entry per catalog measure; the pair's or each speaker's episodes underneath.
  const keys = [...new Set(measures.items.map((m) => m.key))];
  for (const key of keys) {
    const group = measures.items.filter((m) => m.key === key);
    const first = group[0];
    lines.push(`- **${md(first.label)}** (${md(first.scale)}): ${md(first.definition)} Source: ${md(first.source)}`);
    for (const m of group) {
      lines.push(`  - ${md(whoLabel(m))}: ${episodeEntries(m, legend).map(md).join(' · ')}`);
      const scenarios = scenarioSummary(m);
      if (scenarios) lines.push(`    - by scenario: ${md(scenarios)}`);
    }
  }
  lines.push('');

  lines.push('## Judge and measures', '', md(AGREEMENT_INTRO), '');
  lines.push('| Judge dimension | Judge | Paired measure | Measure | Evidence | Gap | Spearman ρ |', '|---|---:|---|---:|---:|---:|---:|');
  for (const a of report.judgeAgreement) {
    const c = agreementCells(a);
    lines.push(`| ${md(a.dimensionLabel)} | ${c.judge} | ${md(a.measureLabel)} | ${c.measure} | ${md(c.evidence)} | ${c.gap} | ${c.rho} |`);
  }
  lines.push('');
  const disagreements = report.judgeAgreement.filter((a) => a.statement);
  if (disagreements.length === 0) lines.push(NO_DISAGREEMENT, '');
  else lines.push('**Where they disagree**', '', ...disagreements.map((a) => `- ${md(a.statement!)}`), '');
  return lines;
}
