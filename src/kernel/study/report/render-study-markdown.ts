import { chanceSentence, headline, reportSections } from './report-sections';
import type { StudyReport } from './study-report';

/** The study report as Markdown: the headline first (bold), then each section. */
export function renderStudyMarkdown(r: StudyReport): string {
  const out: string[] = [`# ${inline(r.title)}`, '', `**${headline(r)}**`];
  const chance = chanceSentence(r);
  if (chance) out.push('', `**${chance}**`);
  out.push('');
  for (const s of reportSections(r)) {
    out.push(`## ${inline(s.heading)}`, '');
    for (const p of s.paragraphs) out.push(inline(p), '');
    if (s.table && s.table.rows.length > 0) {
      out.push(`| ${s.table.columns.map(cell).join(' | ')} |`, `|${s.table.columns.map(() => '---').join('|')}|`);
      for (const row of s.table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    }
    if (s.list && s.list.length > 0) {
      for (const item of s.list) out.push(`- ${inline(item)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** Text that came from an analyst (titles, column names) must not turn into Markdown or HTML. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}
