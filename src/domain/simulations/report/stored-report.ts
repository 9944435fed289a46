import type { CompatibilityReport } from './compatibility-report';

/**
 * A report as stored (Postgres jsonb) may predate fields added since: reports written before
 * the conversation measures have no `measures` or `judgeAgreement`, those before validity
 * cards no `validity`. Every reader (the exports,
 * the GraphQL types) goes through here, so an old report reads as "not measured" instead of
 * failing on a missing field. The stored row is never rewritten.
 */
export function withReportDefaults(stored: CompatibilityReport | Record<string, unknown>): CompatibilityReport {
  const report = stored as Partial<CompatibilityReport> & Omit<CompatibilityReport, 'measures' | 'judgeAgreement' | 'validity'>;
  return {
    ...report,
    measures: report.measures ?? { episodesMeasured: 0, episodesWithoutMeasures: report.episodes ?? 0, speakers: [], episodes: [], items: [] },
    judgeAgreement: report.judgeAgreement ?? [],
    validity: report.validity ?? null,
  };
}
