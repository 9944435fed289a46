/** One user's model calls of one UTC day, model and agent, summed. */
export interface UsageTotalsRow {
  /** YYYY-MM-DD, UTC. */
  day: string;
  model: string;
  agent: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  cacheHits: number;
}

/** Reads the usage ledger's records back, summed (the ledger itself only writes: see usage-ledger.port.ts). */
export interface UsageTotals {
  /** The user's calls in [from, to), one row per (UTC day, model, agent) that has any. */
  byDayModelAgent(userId: string, from: Date, to: Date): Promise<UsageTotalsRow[]>;
  /** Seconds of audio the user's voice calls (speech to text and back) took since `from`. */
  voiceSecondsSince(userId: string, from: Date): Promise<number>;
}
