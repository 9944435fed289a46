import type { EpisodeScore } from '../../../kernel/simulation/dimensions';
import type { TranscriptStore } from '../../../ports/transcript-store.port';
import { buildCompatibilityReport, type CompatibilityReport, type ReportNarrative } from './compatibility-report';
import type { ReportValidity } from './report-validity';

/** The longest episode transcript read back for references (maxTurns is capped far below). */
const EPISODE_LINES = 1000;

/** What the simulation graph ends with: the domain builds the report from it. */
export interface PlayedRun {
  /** Episodes planned (scenarios × episodes per scenario). */
  planned: number;
  scores: EpisodeScore[];
  narrative: ReportNarrative | null;
  tokens: number;
  costUsd: number;
  models: string[];
  stopReason: 'cancelled' | 'budget' | null;
}

export interface ReportSubject {
  simulationId: string;
  seed: string;
  selfName: string;
  partnerName: string;
  caveats: string[];
  /** Whether one of the owner's validity cards covers the scores (see report-validity.ts). */
  validity: ReportValidity;
}

/**
 * Transcript id → "t3", the numbering the judge saw (the episode's lines in order, narrator
 * lines included), so the report cites turns a reader can find in the transcript.
 */
async function episodeMessageRefs(transcripts: TranscriptStore, scores: EpisodeScore[]): Promise<Record<string, string>> {
  const refs: Record<string, string> = {};
  // One read per episode, all at once: the report waits on the slowest, not on their sum.
  const episodes = await Promise.all(scores.map((s) => transcripts.list(s.episodeId, { order: 'asc', limit: EPISODE_LINES })));
  for (const lines of episodes) lines.forEach((line, i) => (refs[line.id] = `t${i + 1}`));
  return refs;
}

/**
 * The compatibility report of a played run: statistics computed from the scored episodes
 * (means, bootstrap intervals, breakdowns, measures), the analysis agent's narrative passed
 * through, citations numbered as the judge saw them. Partial when the run stopped early or
 * an episode went unscored.
 */
export async function writeReport(deps: { transcripts: TranscriptStore }, subject: ReportSubject, run: PlayedRun): Promise<CompatibilityReport> {
  return buildCompatibilityReport({
    messageRefs: await episodeMessageRefs(deps.transcripts, run.scores),
    simulationId: subject.simulationId,
    seed: subject.seed,
    episodes: run.scores,
    narrative: run.narrative ?? { strengths: [], risks: [], recommendations: [] },
    caveats: subject.caveats,
    models: [...new Set(run.models)].sort(),
    tokens: run.tokens,
    costUsd: Math.round(run.costUsd * 1e6) / 1e6,
    partial: run.stopReason !== null || run.scores.length < run.planned,
    selfName: subject.selfName,
    partnerName: subject.partnerName,
    validity: subject.validity,
  });
}
