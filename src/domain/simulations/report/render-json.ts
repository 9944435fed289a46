import type { CompatibilityReport, Estimate } from './compatibility-report';

/**
 * The report as pretty-printed JSON with a fixed key order. A report read back from storage
 * (Postgres jsonb reorders keys) or built elsewhere may list its keys in another order, so the
 * report is rebuilt field by field in the declared order before printing; fields outside the
 * type (a stray timestamp) are left out, keeping exports byte-identical. The return types make
 * the compiler flag any report field this projection forgets.
 */
export function renderJson(report: CompatibilityReport): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}

export function canonicalReport(r: CompatibilityReport): CompatibilityReport {
  return {
    simulationId: r.simulationId,
    seed: r.seed,
    selfName: r.selfName,
    partnerName: r.partnerName,
    episodes: r.episodes,
    partial: r.partial,
    overall: estimate(r.overall),
    dimensions: r.dimensions.map((d) => ({ key: d.key, label: d.label, estimate: estimate(d.estimate) })),
    perScenario: r.perScenario.map((s) => ({
      scenarioId: s.scenarioId,
      title: s.title,
      episodes: s.episodes,
      overall: estimate(s.overall),
      dimensions: s.dimensions.map((d) => ({ key: d.key, estimate: estimate(d.estimate) })),
    })),
    horsemen: r.horsemen.map((x) => ({ key: x.key, meanPerEpisode: x.meanPerEpisode })),
    positiveToNegativeRatio: r.positiveToNegativeRatio === null ? null : estimate(r.positiveToNegativeRatio),
    criticalMoments: r.criticalMoments.map((m) => ({
      turnId: m.turnId,
      speaker: m.speaker,
      quote: m.quote,
      dimension: m.dimension,
      impact: m.impact,
      note: m.note,
      scenarioTitle: m.scenarioTitle,
      episodeIndex: m.episodeIndex,
    })),
    strengths: [...r.strengths],
    risks: [...r.risks],
    recommendations: [...r.recommendations],
    caveats: [...r.caveats],
    tokens: r.tokens,
    costUsd: r.costUsd,
    models: [...r.models],
  };
}

function estimate(e: Estimate): Estimate {
  return { mean: e.mean, ciLow: e.ciLow, ciHigh: e.ciHigh, n: e.n };
}
