import type { CompatibilityReport, Estimate, ReportJudgeAgreement, ReportMeasures } from './compatibility-report';
import type { CitedCard } from './report-validity';
import { withReportDefaults } from './stored-report';

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

export function canonicalReport(stored: CompatibilityReport): CompatibilityReport {
  const r = withReportDefaults(stored);
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
    measures: measures(r.measures),
    judgeAgreement: r.judgeAgreement.map(agreement),
    validity: r.validity === null ? null : { status: r.validity.status, statement: r.validity.statement, covering: r.validity.covering && citedCard(r.validity.covering), related: r.validity.related.map(citedCard) },
  };
}

function measures(m: ReportMeasures): ReportMeasures {
  return {
    episodesMeasured: m.episodesMeasured,
    episodesWithoutMeasures: m.episodesWithoutMeasures,
    speakers: [...m.speakers],
    episodes: m.episodes.map((e) => ({ key: e.key, episodeId: e.episodeId, scenarioId: e.scenarioId, scenarioTitle: e.scenarioTitle, episodeIndex: e.episodeIndex })),
    items: m.items.map((i) => ({
      key: i.key,
      scope: i.scope,
      speaker: i.speaker,
      label: i.label,
      definition: i.definition,
      source: i.source,
      scale: i.scale,
      estimate: estimate(i.estimate),
      perScenario: i.perScenario.map((s) => ({ scenarioId: s.scenarioId, estimate: estimate(s.estimate) })),
      episodes: i.episodes.map((e) => ({
        episodeId: e.episodeId,
        scenarioId: e.scenarioId,
        scenarioTitle: e.scenarioTitle,
        episodeIndex: e.episodeIndex,
        value: e.value,
        n: e.n,
        messageIds: [...e.messageIds],
        refs: [...e.refs],
      })),
    })),
  };
}

function agreement(a: ReportJudgeAgreement): ReportJudgeAgreement {
  return {
    dimension: a.dimension,
    dimensionLabel: a.dimensionLabel,
    measure: a.measure,
    measureLabel: a.measureLabel,
    definition: a.definition,
    rationale: a.rationale,
    evidenceUnit: a.evidenceUnit,
    episodes: a.episodes,
    judgeMean: a.judgeMean,
    measureValue: a.measureValue,
    hits: a.hits,
    total: a.total,
    gap: a.gap,
    enoughEvidence: a.enoughEvidence,
    disagrees: a.disagrees,
    spearman: a.spearman,
    statement: a.statement,
    citedMessageIds: [...a.citedMessageIds],
    citedRefs: [...a.citedRefs],
  };
}

function estimate(e: Estimate): Estimate {
  return { mean: e.mean, ciLow: e.ciLow, ciHigh: e.ciHigh, n: e.n };
}

function citedCard(c: CitedCard): CitedCard {
  return { modelId: c.modelId, name: c.name, version: c.version, createdAt: c.createdAt, datasetHash: c.datasetHash, n: c.n, auc: c.auc, aucLow: c.aucLow, aucHigh: c.aucHigh, basis: c.basis };
}
