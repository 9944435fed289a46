import type { RawEnv } from './env.schema';

/** Validated configuration, built once at startup by `loadConfig` and passed down. */
export interface Config {
  env: RawEnv['NODE_ENV'];
  isProduction: boolean;
  http: { host: string; port: number; graphqlPath: string; maxBodyBytes: number; shutdownGraceMs: number; introspection: boolean };
  queryLimits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number; maxDirectives: number };
  websocket: { maxConnectionsPerUser: number; maxSubscriptionsPerUser: number };
  /** Overrides of DEFAULT_RATE_RULES (src/domain/rate-limits). */
  rateLimits: Partial<Record<string, { limit: number; windowMs: number }>>;
  dataDir: string;
  postgres: { mode: 'external'; url: string; migrateOnStart: boolean } | { mode: 'embedded'; port: number; migrateOnStart: boolean };
  redisUrl?: string;
  jobs: { lockMs: number; concurrency: number; episodeConcurrency: number };
  chat: { historyTokens: number; idleMs: number; memoryHalfLifeDays: number };
  mongodbUrl?: string;
  weaviateUrl?: string;
  auth: {
    jwtSecret: string;
    /** Where the JWT secret came from, so logs can say so without printing it. */
    jwtSecretSource: 'env' | 'generated';
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    oidc: { google?: OidcProviderConfig; apple?: OidcProviderConfig };
  };
  /** Encryption at rest: the master key wrapping every user's data key (src/stores/encryption). */
  encryption: { masterKey: Buffer; masterKeyId: string; source: 'env' | 'generated' };
  logLevel: RawEnv['LOG_LEVEL'];
  llm: LlmConfig;
}

/** Raw, validated LLM settings; src/llm/llm-settings-from-config.ts turns them into tiers. */
export interface LlmConfig {
  baseUrl?: string;
  apiKey?: string;
  endpoints: Record<string, { baseUrl: string; apiKey?: string }>;
  tierModels: { deep?: string; chat?: string; fast?: string };
  embeddingModel?: string;
  prices: Record<string, { input: number; output: number }>;
  firstTokenTimeoutMs: number;
  chunkGapTimeoutMs: number;
  requestTimeoutMs: number;
  breakerFailures: number;
  breakerHalfOpenMs: number;
  cacheTtlSeconds: number;
  moderation: RawEnv['MODERATION'];
  offlineModelPath?: string;
  modelCacheDir: string;
}

export interface OidcProviderConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
}
