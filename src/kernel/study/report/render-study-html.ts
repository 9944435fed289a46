import { escapeHtml } from '../../text/escape-html';
import { chanceSentence, headline, reportSections } from './report-sections';
import { calibrationChart, rocChart } from './study-svg-charts';
import type { StudyReport } from './study-report';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.headline{font-size:1.25rem;font-weight:600}.chance{font-weight:600;color:#922b21}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;font-size:.9rem}
svg.chart{display:block;margin:.5rem 0;max-width:100%;height:auto;font-size:11px}
svg .grid{stroke:#eee}svg .frame{fill:none;stroke:#999}svg .chance{stroke:#bbb;stroke-dasharray:4 3}
svg .curve{fill:none;stroke:#1f618d;stroke-width:2}svg .ci{stroke:#1f618d}svg .dot{fill:#1f618d}
svg .tick,svg .label{fill:#555}svg .value{fill:#222;font-weight:600}
`;

/**
 * The study report as one self-contained HTML page (no script, no external resource): the
 * same sections as the Markdown, the ROC curve after the headline and the calibration plot in
 * its section, both inline SVG. Every text is escaped.
 */
export function renderStudyHtml(r: StudyReport): string {
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(r.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(r.title)}</h1>`,
    `<p class="headline">${escapeHtml(headline(r))}</p>`,
  ];
  const chance = chanceSentence(r);
  if (chance) parts.push(`<p class="chance">${escapeHtml(chance)}</p>`);
  for (const s of reportSections(r)) {
    parts.push(`<section id="${escapeHtml(s.key)}"><h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
    if (s.key === 'headline') {
      parts.push(rocChart(r.roc, r.result.outOfFold.auc));
      parts.push('<p><small>The curve pools the out-of-fold predictions of all folds; the AUC counts pairs within each fold, so the area under the curve can differ slightly from it.</small></p>');
    }
    if (s.key === 'probabilities') parts.push(calibrationChart(r.result.outOfFold.calibration));
    if (s.table && s.table.rows.length > 0) {
      parts.push('<table><thead><tr>', ...s.table.columns.map((c) => `<th>${escapeHtml(c)}</th>`), '</tr></thead><tbody>');
      for (const row of s.table.rows) parts.push(`<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
      parts.push('</tbody></table>');
    }
    if (s.list && s.list.length > 0) parts.push(`<ul>${s.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
