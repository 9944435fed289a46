import type { CompatibilityReport } from './compatibility-report';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { withReportDefaults } from './stored-report';

/** The export formats of `reportDocument(simulationId, format)`, named as in the GraphQL enum. */
export type ReportFormat = 'MARKDOWN' | 'HTML' | 'JSON';

export const REPORT_FORMATS: readonly ReportFormat[] = ['MARKDOWN', 'HTML', 'JSON'];

export interface ReportDocument {
  contentType: string;
  body: string;
}

export function renderReport(stored: CompatibilityReport | Record<string, unknown>, format: ReportFormat): ReportDocument {
  const report = withReportDefaults(stored);
  switch (format) {
    case 'MARKDOWN':
      return { contentType: 'text/markdown; charset=utf-8', body: renderMarkdown(report) };
    case 'HTML':
      return { contentType: 'text/html; charset=utf-8', body: renderHtml(report) };
    case 'JSON':
      return { contentType: 'application/json; charset=utf-8', body: renderJson(report) };
    default: {
      // Formats arrive from GraphQL or the CLI; an unknown one is a caller bug, not a silent default.
      const unknown: never = format;
      throw new RangeError(`unknown report format: ${String(unknown)}`);
    }
  }
}
