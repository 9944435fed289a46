import type { ModelProvider, TokenUsage } from '../../src/ports/model-provider.port';
import type { TranscriptStore } from '../../src/ports/transcript-store.port';
import type { ScenarioTemplate } from '../../src/kernel/simulation/scenarios/scenario-template.schema';
import type { PartnerPromptSource } from '../partner-simulation/build-partner-prompt';

/** A persona as the simulation sees it (snapshot taken when the run starts). */
export interface SimPersona extends Omit<PartnerPromptSource, 'styleSummary'> {
  id: string;
  /** The measured writing style as "- …" lines (filled by src/domain from the style fingerprint); null or absent when no messages were imported. */
  styleSummary?: string | null;
  goals: string[];
  dealbreakers: string[];
}

export interface SimulationRun {
  id: string;
  ownerId: string;
  seed: string;
  self: SimPersona;
  partner: SimPersona;
  library: ScenarioTemplate[];
  scenarioIds: string[] | null;
  scenarioCount: number;
  episodesPerScenario: number;
  maxTurns: number;
  tokenBudget: number;
}

/** What the simulation graph needs, injected by src/domain (nodes never build clients). */
export interface SimulationDeps {
  llm: ModelProvider;
  transcripts: TranscriptStore;
  run: SimulationRun;
  /** Appends to the run's durable event log and publishes it; a `key` makes it once-only. */
  emit(type: string, payload: Record<string, unknown>, key?: string): Promise<void>;
  /** Whether the user asked to cancel (checked before every step). */
  isCancelled(): Promise<boolean>;
  /**
   * The models are a small local one (the offline 1B model): the judge reads its scores off
   * answer probabilities and asks for short text (scoreDetailOf), role-play replies are
   * prefilled with the speaker's name, and drafts get the small-model artefact checks.
   */
  smallModel: boolean;
  /** USD cost of a call, from the configured price table. */
  costOf(model: string, usage: TokenUsage): number;
  /** Runs an episode when one of the run's episode slots is free (see episode-slots.ts). */
  episodeSlot<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The run resumes from a checkpoint. Then a turn first looks for its line in the transcript
   * store: the turn may have been stored after the last checkpoint was written (checkpoints
   * are written in the background). A fresh run skips that read.
   */
  resumed: boolean;
  /** Logs a recovered failure (never chat content): the model fell back, a text was unusable. */
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Consecutive near-identical turns after which an episode is stale. */
export const STALE_LIMIT = 2;
/** Token estimate reserved for scoring and the report when checking the budget. */
export const SCORING_RESERVE_TOKENS = 2500;

export const tag = (deps: SimulationDeps, agent: string, node: string, prompt?: { name: string; version: number }) => ({
  userId: deps.run.ownerId,
  agent,
  node,
  purpose: 'simulation',
  prompt,
});
