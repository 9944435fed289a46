import type { CallTag, ModelTier } from './model-provider.port';
import type { UsageOutcome } from '../llm/usage/usage-record.entity';

export interface UsageEntry {
  tag: CallTag;
  /** `voice`: a speech-to-text or text-to-speech call (tokens 0, `audioSeconds` set). */
  tier: ModelTier | 'embedding' | 'voice';
  model: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  cacheHit: boolean;
  outcome: UsageOutcome;
  /** Seconds of audio heard or spoken (voice calls). */
  audioSeconds?: number;
}

/** Records every model call with tokens and cost. */
export interface UsageLedger {
  record(entry: UsageEntry): Promise<void>;
}
