import type { ModelProvider } from '../../src/ports/model-provider.port';
import type { TranscriptStore } from '../../src/ports/transcript-store.port';
import type { PartnerPromptSource } from '../partner-simulation/build-partner-prompt';

/** The persona as the graph sees it: loaded by the domain operation before the run. */
export interface PersonaSnapshot extends Omit<PartnerPromptSource, 'profileSummary'> {
  id: string;
  ownerId: string;
}

/** What the graph needs, injected by src/domain (never built inside nodes). */
export interface PersonaAnalysisDeps {
  llm: ModelProvider;
  transcripts: TranscriptStore;
  persona: PersonaSnapshot;
  /** Style distance (0 same … 1 unlike) between two sets of messages, from style fingerprints. */
  styleDistance(real: string[], simulated: string[]): number;
  /** Reports progress (0–1) for personaAnalysisEvents. */
  progress(stage: string, fraction: number): Promise<void>;
  /** Messages per observation chunk. */
  chunkSize?: number;
  /** Upper bound on chunks, so a huge log costs a bounded number of calls. */
  maxChunks?: number;
  /** Held-out exchanges replayed for the fidelity score. */
  maxHeldOut?: number;
}

export const DEFAULTS = { chunkSize: 40, maxChunks: 12, maxHeldOut: 8, maxMessages: 5000 } as const;

/** Tags every model call of this graph for the usage ledger. */
export const tag = (deps: PersonaAnalysisDeps, node: string, prompt?: { name: string; version: number }) => ({
  userId: deps.persona.ownerId,
  agent: 'analysis',
  node,
  purpose: 'persona-analysis',
  prompt,
});
