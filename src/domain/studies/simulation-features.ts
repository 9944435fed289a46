import type { EntityManager } from '@mikro-orm/postgresql';
import { scoreEpisodePrompt } from '../../../agents/simulation/analysis/prompts';
import { DIMENSIONS } from '../../kernel/simulation/dimensions';
import type { CompatibilityReport } from '../simulations/report/compatibility-report';
import { withReportDefaults } from '../simulations/report/stored-report';
import { Simulation, SimulationStatus } from '../simulations/simulation.entity';

/**
 * SoulLink simulation scores as study features. A pair linked to a SELF and a PARTNER persona of
 * the study's owner takes the scores of that couple's latest COMPLETED simulation: the judge's
 * overall score and each dimension's (0–10, means over the run's episodes). Every other pair has
 * them missing — imputed per training fold by the fit — beside `sim:has_simulation` (1/0), so the
 * model can tell a measured score from an imputed one. Nothing is simulated for a study: only runs
 * the owner already has count, so a study spends no tokens on them.
 */
export const SIMULATION_FEATURE_PREFIX = 'sim:';

export interface SimulationFeatures {
  features: { name: string; description: string; values: (number | null)[] }[];
  /** The judge's models and prompt version behind the features (empty when no pair had a run). */
  llm: { model: string; promptVersion: string }[];
  linked: number;
  covered: number;
}

/** Feature names and what they mean, in order: the indicator, the overall score, then one per dimension. */
export function simulationFeatureCatalog(): { name: string; description: string }[] {
  return [
    { name: 'sim:has_simulation', description: '1 when the pair’s personas have a completed SoulLink simulation, else 0 (its scores are then imputed)' },
    { name: 'sim:overall', description: 'Overall 0–10 score of the pair’s latest completed SoulLink simulation (judge model, mean over episodes)' },
    ...DIMENSIONS.map((d) => ({ name: `sim:${d.key}`, description: `${d.label} (0–10) in the pair’s latest completed SoulLink simulation (judge model)` })),
  ];
}

/** A report's scores keyed by feature name (the indicator 1). */
export function simulationFeatureValues(report: CompatibilityReport): Record<string, number> {
  const values: Record<string, number> = { 'sim:has_simulation': 1 };
  if (report.overall.n > 0) values['sim:overall'] = report.overall.mean;
  for (const d of report.dimensions) if (d.estimate.n > 0) values[`sim:${d.key}`] = d.estimate.mean;
  return values;
}

/** The latest COMPLETED simulation report of each (self, partner) couple among the owner's. */
export async function latestSimulationReports(
  em: EntityManager,
  ownerId: string,
  couples: readonly { self: string; partner: string }[],
): Promise<Map<string, CompatibilityReport>> {
  const out = new Map<string, CompatibilityReport>();
  if (couples.length === 0) return out;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  // Ids that are not uuids name no persona; they would only make Postgres refuse the query.
  const selves = [...new Set(couples.map((c) => c.self))].filter((id) => uuid.test(id));
  const partners = [...new Set(couples.map((c) => c.partner))].filter((id) => uuid.test(id));
  if (selves.length === 0 || partners.length === 0) return out;
  const runs = await em.find(
    Simulation,
    { owner: ownerId, selfPersona: { $in: selves }, partnerPersona: { $in: partners }, status: SimulationStatus.COMPLETED, report: { $ne: null } },
    { orderBy: { createdAt: 'desc' } },
  );
  for (const run of runs) {
    const key = coupleKey(run.selfPersona.id, run.partnerPersona.id);
    if (!out.has(key) && run.report) out.set(key, withReportDefaults(run.report));
  }
  return out;
}

export function coupleKey(self: string, partner: string): string {
  return `${self.toLowerCase()}\u0000${partner.toLowerCase()}`;
}

/** The study features of every pair (null links: not linked). */
export async function simulationFeatures(em: EntityManager, ownerId: string, links: readonly ({ self: string; partner: string } | null)[]): Promise<SimulationFeatures> {
  const reports = await latestSimulationReports(em, ownerId, links.filter((l): l is { self: string; partner: string } => l !== null));
  const catalog = simulationFeatureCatalog();
  const values = links.map((link) => {
    const report = link ? reports.get(coupleKey(link.self, link.partner)) : undefined;
    return report ? simulationFeatureValues(report) : { 'sim:has_simulation': 0 };
  });
  const models = new Set<string>();
  for (const report of reports.values()) for (const model of report.models) models.add(model);
  return {
    features: catalog.map((f) => ({ ...f, values: values.map((v) => v[f.name] ?? null) })),
    llm: [...models].sort().map((model) => ({ model, promptVersion: `${scoreEpisodePrompt.name} v${scoreEpisodePrompt.version}` })),
    linked: links.filter((l) => l !== null).length,
    covered: values.filter((v) => v['sim:has_simulation'] === 1).length,
  };
}
