import type { CompatibilityReport, Estimate } from './compatibility-report';
import { markdownInline as md } from './markdown-text';
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
import { measuresMarkdown } from './render-measures-markdown';

/** The report as GitHub-flavoured Markdown, for reading in a repo, a notebook or a chat. */
export function renderMarkdown(report: CompatibilityReport): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# Compatibility report: ${md(report.selfName)} & ${md(report.partnerName)}`, '');
  if (report.partial) push(`> **${PARTIAL_NOTICE}**`, '');
  push(
    `${report.episodes} episode${report.episodes === 1 ? '' : 's'} across ${report.perScenario.length} ` +
      `scenario${report.perScenario.length === 1 ? '' : 's'} · simulation ${md(report.simulationId)} · seed ${md(report.seed)}`,
    '',
  );

  push(
    '## Overall compatibility',
    '',
    report.overall.n === 0
      ? `**${NOT_SCORED}**: the judge scored no dimension, so there is no overall verdict.`
      : `**${formatEstimate(report.overall)}** on a 0–10 scale.`,
    '',
  );
  push(
    'Each episode’s overall score is the mean of its dimension scores; intervals are 95% percentile ' +
      'bootstrap intervals over episodes.',
    '',
  );
  push(...measuresMarkdown(report));

  push('## Dimensions', '', '| Dimension | Mean | 95% CI | n |', '|---|---:|---:|---:|');
  for (const d of report.dimensions) push(row(md(d.label), d.estimate));
  push('');

  push('## Per scenario', '');
  if (report.perScenario.length === 0) {
    push('No scenario finished an episode.', '');
  } else {
    push('| Scenario | Episodes | Mean | 95% CI | Strongest | Weakest |', '|---|---:|---:|---:|---|---|');
    for (const s of report.perScenario) {
      const [strongest, weakest] = extremes(s.dimensions);
      push(
        `| ${md(s.title)} | ${s.episodes} | ${formatMean(s.overall)} | ${formatInterval(s.overall)} | ${strongest} | ${weakest} |`,
      );
    }
    push('');
  }

  push('## Conflict patterns', '', '| Horseman (Gottman) | Mean per episode |', '|---|---:|');
  for (const h of report.horsemen) push(`| ${horsemanLabel(h.key)} | ${formatScore(h.meanPerEpisode)} |`);
  push('');
  push(
    report.positiveToNegativeRatio === null
      ? 'Positive-to-negative ratio: no negative interaction was recorded.'
      : `Positive-to-negative ratio: ${formatEstimate(report.positiveToNegativeRatio)}` +
          `; stable couples show about ${GOTTMAN_RATIO}:1 or more.`,
    '',
  );

  push('## Critical moments', '');
  if (report.criticalMoments.length === 0) push('None recorded.', '');
  report.criticalMoments.forEach((m, i) => {
    push(
      `### ${i + 1}. ${md(m.scenarioTitle)}, ${episodeLabel(m.episodeIndex)}: ${md(dimensionLabel(m.dimension))} ${formatImpact(m.impact)}`,
      '',
      `> “${md(m.quote)}”`,
      '>',
      `> — ${md(m.speaker)}, turn ${md(m.turnId)}`,
      '',
    );
    if (m.note.trim()) push(md(m.note), '');
  });

  section(lines, 'Strengths', report.strengths);
  section(lines, 'Risks', report.risks);
  section(lines, 'Recommendations', report.recommendations);
  section(lines, 'Caveats', report.caveats);
  if (report.validity) push('## Validity', '', md(report.validity.statement), '');

  push(
    '## Cost and models',
    '',
    `- Tokens: ${formatTokens(report.tokens)}`,
    `- Cost: ${formatUsd(report.costUsd)}`,
    `- Models: ${report.models.length === 0 ? 'none recorded' : report.models.map(md).join(', ')}`,
    `- Seed: ${md(report.seed)}`,
    '',
  );
  return lines.join('\n');
}

function row(label: string, e: Estimate): string {
  return `| ${label} | ${formatMean(e)} | ${formatInterval(e)} | ${e.n} |`;
}

function section(lines: string[], title: string, items: readonly string[]): void {
  lines.push(`## ${title}`, '');
  if (items.length === 0) lines.push('None recorded.');
  for (const item of items) lines.push(`- ${md(item)}`);
  lines.push('');
}
