import type { ReportDocument, ReportFormat } from '../simulations/report/render-report';
import { renderHealthHtml } from './render-health-html';
import { renderHealthMarkdown } from './render-health-markdown';
import type { RelationshipHealthReport } from './relationship-health-report';

/** The health report as a document, in the formats (and shape) of the compatibility report's `reportDocument`. */
export function renderHealthReport(report: RelationshipHealthReport, format: ReportFormat): ReportDocument {
  switch (format) {
    case 'MARKDOWN':
      return { contentType: 'text/markdown; charset=utf-8', body: renderHealthMarkdown(report) };
    case 'HTML':
      return { contentType: 'text/html; charset=utf-8', body: renderHealthHtml(report) };
    case 'JSON':
      // Dates serialise as ISO strings; the shape is the GraphQL RelationshipHealthReport's.
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(report, null, 2)}\n` };
    default: {
      const unknown: never = format;
      throw new RangeError(`unknown report format: ${String(unknown)}`);
    }
  }
}
