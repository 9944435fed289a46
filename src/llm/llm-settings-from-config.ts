import type { LlmConfig } from '../config/config';
import { ConfigError } from '../config/config-error';
import type { LlmSettings, ModelEndpoint, ModelPrice, ModelRef } from './llm-settings';
import type { ModelTier } from '../ports/model-provider.port';

export const OFFLINE_CHAT_MODEL = 'tinyllama-1.1b-chat';
export const OFFLINE_EMBEDDING_MODEL = 'use-lite-512';

/** List prices per million tokens (USD) for common models; LLM_PRICES overrides and extends. */
const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'deepseek-chat': { input: 0.27, output: 1.1 },
  [OFFLINE_CHAT_MODEL]: { input: 0, output: 0 },
  [OFFLINE_EMBEDDING_MODEL]: { input: 0, output: 0 },
};

const DEFAULT_TIERS: Record<ModelTier, string> = { deep: 'gpt-4o', chat: 'gpt-4o-mini', fast: 'gpt-4o-mini' };
const TIER_VARIABLE: Record<ModelTier, string> = { deep: 'LLM_DEEP_MODELS', chat: 'LLM_CHAT_MODELS', fast: 'LLM_FAST_MODELS' };

/**
 * Turns LLM configuration into tiers of concrete models. With no endpoint and no API key,
 * every tier is the offline model, started in-process on first use by `startOffline`.
 */
export function llmSettingsFromConfig(llm: LlmConfig, startOffline: () => Promise<string>): LlmSettings {
  const common = {
    prices: { ...DEFAULT_PRICES, ...llm.prices },
    firstTokenTimeoutMs: llm.firstTokenTimeoutMs,
    firstTokenDeadlineMs: llm.firstTokenDeadlineMs,
    chunkGapTimeoutMs: llm.chunkGapTimeoutMs,
    requestTimeoutMs: llm.requestTimeoutMs,
    breakerFailures: llm.breakerFailures,
    breakerHalfOpenMs: llm.breakerHalfOpenMs,
    cacheTtlSeconds: llm.cacheTtlSeconds,
  };
  const remote = Boolean(llm.baseUrl || llm.apiKey || Object.keys(llm.endpoints).length > 0);
  if (!remote) {
    const offline: ModelEndpoint = { name: 'offline', baseUrl: startOffline, apiKey: 'offline' };
    const ref = { endpoint: offline, model: OFFLINE_CHAT_MODEL };
    return {
      ...common,
      // One small model on the CPU serves every call in turn: requests queue, and a long
      // structured answer takes minutes. Timeouts made for hosted models would cut it off.
      firstTokenTimeoutMs: Math.max(common.firstTokenTimeoutMs, 180_000),
      firstTokenDeadlineMs: Math.max(common.firstTokenDeadlineMs, 180_000),
      chunkGapTimeoutMs: Math.max(common.chunkGapTimeoutMs, 60_000),
      requestTimeoutMs: Math.max(common.requestTimeoutMs, 900_000),
      mode: 'offline',
      // A 1B model serves every tier; the offline server adds no latency of its own.
      tiers: { deep: [ref], chat: [ref], fast: [ref] },
      embedding: { endpoint: offline, model: OFFLINE_EMBEDDING_MODEL },
      moderation: 'local',
    };
  }

  const defaultEndpoint: ModelEndpoint = {
    name: 'default',
    baseUrl: llm.baseUrl ?? 'https://api.openai.com/v1',
    apiKey: llm.apiKey ?? 'not-needed',
  };
  const endpoints = new Map<string, ModelEndpoint>([['default', defaultEndpoint]]);
  for (const [name, e] of Object.entries(llm.endpoints)) endpoints.set(name, { name, baseUrl: e.baseUrl, apiKey: e.apiKey ?? 'not-needed' });

  const parseRef = (variable: string, entry: string): ModelRef => {
    const at = entry.lastIndexOf('@');
    const model = at > 0 ? entry.slice(0, at) : entry;
    const endpointName = at > 0 ? entry.slice(at + 1) : 'default';
    const endpoint = endpoints.get(endpointName);
    if (!endpoint) throw new ConfigError([{ variable, message: `endpoint "${endpointName}" is not defined in LLM_ENDPOINTS` }]);
    return { endpoint, model };
  };
  const parseList = (tier: ModelTier): ModelRef[] => {
    const raw = llm.tierModels[tier] ?? DEFAULT_TIERS[tier];
    const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
    if (entries.length === 0) throw new ConfigError([{ variable: TIER_VARIABLE[tier], message: 'lists no model' }]);
    return entries.map((entry) => parseRef(TIER_VARIABLE[tier], entry));
  };

  const usesOpenAi = String(defaultEndpoint.baseUrl).includes('api.openai.com');
  return {
    ...common,
    mode: 'remote',
    tiers: { deep: parseList('deep'), chat: parseList('chat'), fast: parseList('fast') },
    // Not every endpoint reads images: vision is opt-in, never a default model.
    transcription: llm.transcriptionModel ? parseRef('LLM_TRANSCRIPTION_MODEL', llm.transcriptionModel) : undefined,
    speech: llm.speechModel ? parseRef('LLM_SPEECH_MODEL', llm.speechModel) : undefined,
    vision: (llm.visionModels ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((entry) => parseRef('LLM_VISION_MODELS', entry)),
    embedding: parseRef('LLM_EMBEDDING_MODEL', llm.embeddingModel ?? 'text-embedding-3-small'),
    moderation: llm.moderation === 'auto' ? (usesOpenAi ? 'provider' : 'local') : llm.moderation,
  };
}
