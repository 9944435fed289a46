import type { ModelTier } from '../ports/model-provider.port';

export interface ModelEndpoint {
  name: string;
  /** A URL, or a function that starts the endpoint on first use (the offline model). */
  baseUrl: string | (() => Promise<string>);
  apiKey: string;
}

export interface ModelRef {
  endpoint: ModelEndpoint;
  model: string;
}

/** Price per million tokens, in USD. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** The provider layer's settings, derived from config (see env.schema.ts, LLM_*). */
export interface LlmSettings {
  mode: 'remote' | 'offline';
  tiers: Record<ModelTier, ModelRef[]>;
  embedding: ModelRef;
  /** Models that read images (OpenAI-compatible image parts), tried in order; empty: none configured. */
  vision?: ModelRef[];
  /** Speech-to-text (OpenAI-compatible /audio/transcriptions); unset: none. */
  transcription?: ModelRef;
  /** Text-to-speech (OpenAI-compatible /audio/speech); unset: none. */
  speech?: ModelRef;
  prices: Record<string, ModelPrice>;
  /** One model's own first-token timeout. */
  firstTokenTimeoutMs: number;
  /**
   * The first-token wait a whole fallback chain may spend (see FirstTokenBudget); unset: only
   * each model's own timeout bounds it.
   */
  firstTokenDeadlineMs?: number;
  chunkGapTimeoutMs: number;
  requestTimeoutMs: number;
  breakerFailures: number;
  breakerHalfOpenMs: number;
  cacheTtlSeconds: number;
  moderation: 'provider' | 'local';
}
