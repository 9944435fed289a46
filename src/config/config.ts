import type { RawEnv } from './env.schema';
import type { SmtpSettings } from './smtp-url';

/** Validated configuration, built once at startup by `loadConfig` and passed down. */
export interface Config {
  env: RawEnv['NODE_ENV'];
  isProduction: boolean;
  http: {
    host: string;
    port: number;
    graphqlPath: string;
    maxBodyBytes: number;
    shutdownGraceMs: number;
    introspection: boolean;
    /** Origins allowed cross-origin (CORS_ORIGINS); `*` allows any. */
    corsOrigins: string[];
    /** Serve the GraphiQL explorer on GET of the GraphQL path (GRAPHQL_EXPLORER). */
    explorer: boolean;
  };
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
  /** Weaviate Cloud / authenticated clusters: API key and the gRPC endpoint when it is not WEAVIATE_URL's host. */
  weaviate?: { apiKey?: string; grpcHost?: string; grpcPort?: number };
  /** Where uploaded files go: a folder under DATA_DIR, or an S3-compatible bucket. */
  objectStore: { kind: 'filesystem'; root: string } | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string };
  auth: {
    jwtSecret: string;
    /** Where the JWT secret came from, so logs can say so without printing it. */
    jwtSecretSource: 'env' | 'generated';
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    oidc: { google?: OidcProviderConfig; apple?: OidcProviderConfig };
  };
  /** Encryption at rest: the master key wrapping every user's data key (src/stores/encryption). */
  encryption: {
    masterKey: Buffer;
    masterKeyId: string;
    source: 'env' | 'generated';
    /** Master keys rotated out (MASTER_KEY_RETIRED), by id: they still open what they wrapped until `soullink rewrap-keys`. */
    retiredMasterKeys?: Record<string, Buffer>;
  };
  /** The web app's address for links in account emails (APP_URL). */
  appUrl?: string;
  /** The worker's own HTTP server (/healthz, /readyz, /metrics). */
  workerHttp?: { host: string; port: number };
  /** Account emails: written to the log (EMAIL_TRANSPORT=log) or sent over SMTP. */
  email: { transport: 'log' } | { transport: 'smtp'; smtp: SmtpSettings; from: string };
  /** OpenTelemetry traces (OTEL_TRACES_EXPORTER); `none` starts no SDK. */
  tracing: { exporter: RawEnv['OTEL_TRACES_EXPORTER']; endpoint: string; serviceName: string };
  /** LangSmith tracing was explicitly enabled (LANGSMITH_TRACING_ENABLED). */
  langsmithTracing?: boolean;
  logLevel: RawEnv['LOG_LEVEL'];
  llm: LlmConfig;
}

/** Raw, validated LLM settings; src/llm/llm-settings-from-config.ts turns them into tiers. */
export interface LlmConfig {
  baseUrl?: string;
  apiKey?: string;
  endpoints: Record<string, { baseUrl: string; apiKey?: string }>;
  tierModels: { deep?: string; chat?: string; fast?: string };
  /** Vision models (LLM_VISION_MODELS); unset means none. */
  visionModels?: string;
  /** Speech models (LLM_TRANSCRIPTION_MODEL, LLM_SPEECH_MODEL); unset means none. */
  transcriptionModel?: string;
  speechModel?: string;
  embeddingModel?: string;
  prices: Record<string, { input: number; output: number }>;
  firstTokenTimeoutMs: number;
  /** The first-token wait shared by a call's whole fallback chain (LLM_FIRST_TOKEN_DEADLINE_MS). */
  firstTokenDeadlineMs: number;
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
