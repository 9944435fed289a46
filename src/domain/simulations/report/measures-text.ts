import { DISAGREEMENT_THRESHOLD, MIN_EPISODES_FOR_CORRELATION, MIN_EVIDENCE } from '../../../kernel/measures/judge-agreement';
import { citeRefs } from './message-refs';
import type { ReportJudgeAgreement } from './report-judge-agreement';
import { MEASURES_CAVEAT, type ReportMeasure, type ReportMeasures } from './report-measures';
import { episodeLabel, formatEpisodeValue, formatMeasureInterval, formatMeasureMean, formatScore } from './report-text';

/**
 * The words of the measures sections, shared by the Markdown and HTML exports so both say the
 * same thing. Plain text: each renderer escapes it for its format.
 */

/** Episodes are cited as E1, E2… (ReportMeasures.episodes), with one legend, so each measure's line stays short. */
export interface EpisodeKey {
  episodeId: string;
  key: string;
  label: string;
}

export function episodeLegend(measures: ReportMeasures): EpisodeKey[] {
  return measures.episodes.map((e) => ({ episodeId: e.episodeId, key: e.key, label: `${e.scenarioTitle}, ${episodeLabel(e.episodeIndex)}` }));
}

export function whoLabel(m: ReportMeasure): string {
  return m.speaker ?? 'both';
}

/** "E1: 0.71 (n = 7; t3, t5)" for each measured episode. */
export function episodeEntries(m: ReportMeasure, legend: readonly EpisodeKey[]): string[] {
  return m.episodes.map((e) => {
    const key = legend.find((l) => l.episodeId === e.episodeId)?.key ?? e.episodeId;
    const cited = e.refs.length > 0 ? `; ${citeRefs(e.refs)}` : '';
    return `${key}: ${formatEpisodeValue(e.value)} (n = ${e.n}${cited})`;
  });
}

/** "First date 0.71 [0.60–0.80]; …" when the run has more than one scenario, else ''. */
export function scenarioSummary(m: ReportMeasure): string {
  if (m.perScenario.length < 2) return '';
  const title = (id: string) => m.episodes.find((e) => e.scenarioId === id)?.scenarioTitle ?? id;
  return m.perScenario
    .map((s) => `${title(s.scenarioId)} ${formatMeasureMean(s.estimate)}${s.estimate.n >= 2 ? ` [${formatMeasureInterval(s.estimate)}]` : ''}`)
    .join('; ');
}

export function measuresIntro(measures: ReportMeasures): string {
  const skipped = measures.episodesWithoutMeasures > 0 ? ` ${measures.episodesWithoutMeasures} older episode(s) carry no measures and are left out.` : '';
  return (
    `Counted from the transcripts without a model: the mean over ${measures.episodesMeasured} measured ` +
    `episode${measures.episodesMeasured === 1 ? '' : 's'} with a 95% bootstrap interval, n = episodes with a value. ` +
    `${MEASURES_CAVEAT}${skipped}`
  );
}

export const NO_MEASURES =
  'No episode of this run carries conversation measures (it was scored before they existed), so only the judge’s scores are shown.';

export const AGREEMENT_INTRO =
  `Each judge dimension beside the measure that speaks to it, over the measured episodes: the judge’s mean (0–10, read ÷ 10) ` +
  `against the measure pooled over the same episodes (0–1). A gap of at least ${DISAGREEMENT_THRESHOLD} with at least ` +
  `${MIN_EVIDENCE} pieces of evidence is called a disagreement; the threshold was fixed in advance, not tuned. ` +
  `Spearman’s ρ ranks the episodes by both when there are at least ${MIN_EPISODES_FOR_CORRELATION}. ` +
  'Neither side is ground truth: a disagreement says where to read the transcript. Relationship change and the other ' +
  'dimensions have no paired measure yet.';

export const NO_DISAGREEMENT = 'No disagreement: where there was enough evidence, the judge and the measures agree within the threshold.';

/** The table cells of one pairing, as text. */
export function agreementCells(a: ReportJudgeAgreement): { judge: string; measure: string; evidence: string; gap: string; rho: string } {
  return {
    judge: a.judgeMean === null ? '—' : `${formatScore(a.judgeMean)}/10`,
    measure: a.measureValue === null ? '—' : formatScore(a.measureValue),
    evidence: `${a.total} ${a.evidenceUnit}${a.enoughEvidence ? '' : ' (too few)'}`,
    gap: a.gap === null ? '—' : `${a.gap > 0 ? '+' : a.gap < 0 ? '−' : '±'}${Math.abs(a.gap).toFixed(2)}`,
    rho: a.spearman === null ? '—' : formatScore(a.spearman),
  };
}
