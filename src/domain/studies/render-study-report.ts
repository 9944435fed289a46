import type { EntityManager } from '@mikro-orm/postgresql';
import { renderStudyHtml, renderStudyMarkdown } from '../../kernel/study';
import { storedStudyReport } from './study-result';

export type StudyReportFormat = 'JSON' | 'MARKDOWN' | 'HTML';

/** A study's report as a document: JSON (the report itself), Markdown, or self-contained HTML with inline SVG plots. Null until the study succeeded. */
export async function renderStudyReport(em: EntityManager, ownerId: string, studyId: string, format: StudyReportFormat): Promise<{ contentType: string; body: string } | null> {
  const report = await storedStudyReport(em, ownerId, studyId);
  if (!report) return null;
  switch (format) {
    case 'JSON':
      return { contentType: 'application/json', body: JSON.stringify(report, null, 2) };
    case 'MARKDOWN':
      return { contentType: 'text/markdown; charset=utf-8', body: renderStudyMarkdown(report) };
    case 'HTML':
      return { contentType: 'text/html; charset=utf-8', body: renderStudyHtml(report) };
  }
}
