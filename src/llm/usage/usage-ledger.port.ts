import type { CallTag, ModelTier } from '../model-provider.port';
import type { UsageOutcome } from './usage-record.entity';

export interface UsageEntry {
  tag: CallTag;
  tier: ModelTier | 'embedding';
  model: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  cacheHit: boolean;
  outcome: UsageOutcome;
}

/** Records every model call with tokens and cost. */
export interface UsageLedger {
  record(entry: UsageEntry): Promise<void>;
}
