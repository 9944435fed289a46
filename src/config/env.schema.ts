import { z } from 'zod';

/**
 * Every environment variable SoulLink reads, with its default and meaning. This is the one
 * place they are declared; the README's configuration table mirrors these descriptions.
 * Unset optional URLs mean "use the embedded default" (see DESIGN.md).
 */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** `scheme://host[:port]` exactly as a browser sends it in `Origin` (lowercase, no path, no default port). */
const isOrigin = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
};
const originList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
  .pipe(
    z.array(
      z.string().refine((s) => s === '*' || isOrigin(s), {
        message: 'each entry must be an origin such as https://app.example.com (scheme, lowercase host, port if not the default; no path or trailing slash) or *',
      }),
    ),
  );

export const envSchema = z.object({
  /** development | test | production. Production refuses generated secrets and embedded stores it cannot trust. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Interface the HTTP and websocket server binds to. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port for HTTP (GraphQL, /healthz, /readyz, /metrics) and graphql-ws on the same path. */
  PORT: port.default(4000),
  /** Path of the GraphQL endpoint, for both HTTP and websockets. */
  GRAPHQL_PATH: z.string().regex(/^\/[\w\-/]*$/, 'must be a path such as /graphql').default('/graphql'),
  /** Folder for local state: embedded PostgreSQL data, generated local secrets, model cache. */
  DATA_DIR: z.string().min(1).default('.soullink-data'),
  /** PostgreSQL connection URL. Unset: SoulLink starts its own embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: optionalUrl,
  /** Port of the embedded PostgreSQL (only used when DATABASE_URL is unset). */
  EMBEDDED_PG_PORT: port.default(54329),
  /** Apply pending migrations at startup. Default: on for the embedded database, off otherwise (run `soullink migrate`). */
  MIGRATE_ON_START: z.stringbool().optional(),
  /** Redis URL (short-term memory, limits, cache, pub/sub, jobs). Unset: in-process defaults (one process only). */
  REDIS_URL: optionalUrl,
  /** MongoDB URL for transcripts. Unset: transcripts live in PostgreSQL. */
  MONGODB_URL: optionalUrl,
  /** S3-compatible endpoint for uploaded files (MinIO, AWS S3, R2…), e.g. http://minio:9000. Unset: files live under DATA_DIR/media. */
  S3_ENDPOINT: optionalUrl,
  /** Bucket for uploaded files (created when missing). */
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name').default('soullink-media'),
  /** Region sent to the S3 endpoint. */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Access key for S3_ENDPOINT. Unset: the AWS SDK's default credential chain. */
  S3_ACCESS_KEY_ID: optionalText,
  /** Secret key for S3_ENDPOINT. */
  S3_SECRET_ACCESS_KEY: optionalText,
  /** Weaviate URL for long-term memory. Unset: memory lives in PostgreSQL with in-process cosine ranking. */
  WEAVIATE_URL: optionalUrl,
  /** API key for WEAVIATE_URL (Weaviate Cloud or a cluster with API-key auth). Unset: anonymous access. */
  WEAVIATE_API_KEY: optionalText,
  /** Host of Weaviate's gRPC endpoint (Weaviate Cloud: grpc-<cluster host>). Unset: the host of WEAVIATE_URL. */
  WEAVIATE_GRPC_HOST: optionalText,
  /** Port of Weaviate's gRPC endpoint. Unset: 443 when WEAVIATE_URL is https, else 50051. */
  WEAVIATE_GRPC_PORT: port.optional(),
  /** HMAC key (≥ 32 chars) for access tokens. Unset outside production: generated once and kept in DATA_DIR. */
  JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Master key (base64 of 32 random bytes) wrapping each user's data key for encryption at rest. Unset outside production: generated once and kept in DATA_DIR. */
  MASTER_KEY: optionalText.pipe(
    z
      .string()
      .refine((v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v) && Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes (openssl rand -base64 32)')
      .optional(),
  ),
  /** Label of MASTER_KEY, stored with every data key it wraps, so the master key can be rotated. */
  MASTER_KEY_ID: z.string().regex(/^[\w.-]{1,32}$/, 'must be 1–32 letters, digits, ".", "_" or "-"').default('k1'),
  /** Master keys rotated out, as `id:base64key` pairs, comma-separated: data keys they wrapped still open until `soullink rewrap-keys` re-wraps them under MASTER_KEY. */
  MASTER_KEY_RETIRED: optionalText,
  /** The web app's address, e.g. https://app.example.com: password-reset, verification and invitation emails link to APP_URL/reset-password?token=… and /verify-email. Unset: the emails carry the one-time code alone. */
  APP_URL: optionalUrl,
  /** Lifetime of access tokens (JWT), seconds. */
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(86_400).default(900),
  /** Lifetime of refresh tokens, days. */
  REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
  /** Audience (client id) for Google id tokens. Unset: Google sign-in is disabled. */
  OIDC_GOOGLE_AUDIENCE: optionalText,
  /** Issuer expected in Google id tokens. */
  OIDC_GOOGLE_ISSUER: z.string().min(1).default('https://accounts.google.com'),
  /** JWKS URL for Google id tokens. */
  OIDC_GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  /** Audience (service id / bundle id) for Apple id tokens. Unset: Apple sign-in is disabled. */
  OIDC_APPLE_AUDIENCE: optionalText,
  /** Issuer expected in Apple id tokens. */
  OIDC_APPLE_ISSUER: z.string().min(1).default('https://appleid.apple.com'),
  /** JWKS URL for Apple id tokens. */
  OIDC_APPLE_JWKS_URL: z.url().default('https://appleid.apple.com/auth/keys'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** On SIGTERM, how long open requests and streams may take to finish before they are cut, ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Largest accepted HTTP request body, bytes (chat-log imports travel in the body, up to 1.5 MB). */
  MAX_BODY_BYTES: positiveInt.max(50 * 1024 * 1024).default(2 * 1024 * 1024),
  /** Base URL of the default OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama, DeepSeek, Ark...). Unset with no API key: the offline model. */
  LLM_BASE_URL: optionalUrl,
  /** API key for LLM_BASE_URL. */
  LLM_API_KEY: optionalText,
  /** Models that read images (photo analysis), comma-separated, tried in order; `model@endpoint` for another endpoint. Unset: photos are stored but not analysed (VISION_NOT_CONFIGURED). */
  LLM_VISION_MODELS: optionalText,
  /** Speech-to-text model on an OpenAI-compatible /audio/transcriptions endpoint (hosted Whisper, whisper.cpp, faster-whisper), `model@endpoint` for another endpoint. Unset: voice messages fail with SPEECH_TO_TEXT_NOT_CONFIGURED. */
  LLM_TRANSCRIPTION_MODEL: optionalText,
  /** Text-to-speech model on an OpenAI-compatible /audio/speech endpoint. Unset: spoken replies come from eSpeak NG offline (GPL-3.0, loaded only then). */
  LLM_SPEECH_MODEL: optionalText,
  /** More endpoints as JSON: {"name": {"baseUrl": "...", "apiKey": "..."}}; tier lists refer to them as model@name. */
  LLM_ENDPOINTS: optionalText,
  /** Ordered fallback list for the deep tier (analysis, reports): comma-separated `model` or `model@endpoint`. */
  LLM_DEEP_MODELS: optionalText,
  /** Ordered fallback list for the chat tier (role-play). */
  LLM_CHAT_MODELS: optionalText,
  /** Ordered fallback list for the fast tier (classification, intent, titles). */
  LLM_FAST_MODELS: optionalText,
  /** Embedding model (`model` or `model@endpoint`). */
  LLM_EMBEDDING_MODEL: optionalText,
  /** Prices per million tokens as JSON: {"model": {"input": 2.5, "output": 10}}; merged over the built-in table. */
  LLM_PRICES: optionalText,
  /** Longest wait for a model's first token before falling back to the next model, ms. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: positiveInt.default(15_000),
  /** Longest wait for a first token across a call's whole fallback chain (then the canned reply or AI_SERVICE_UNAVAILABLE), ms. */
  LLM_FIRST_TOKEN_DEADLINE_MS: positiveInt.default(10_000),
  /** Longest gap between two chunks of a streaming reply, ms. */
  LLM_CHUNK_GAP_TIMEOUT_MS: positiveInt.default(10_000),
  /** Longest a structured answer may take after its first token (and a speech call in all), ms. */
  LLM_REQUEST_TIMEOUT_MS: positiveInt.default(60_000),
  /** Consecutive failures that open a model's circuit breaker. */
  LLM_BREAKER_FAILURES: positiveInt.default(5),
  /** How long an open breaker waits before letting a trial call through, ms. */
  LLM_BREAKER_HALF_OPEN_MS: positiveInt.default(30_000),
  /** TTL of cached deterministic (temperature 0) answers, seconds. */
  LLM_CACHE_TTL_SECONDS: positiveInt.default(86_400),
  /** Moderation: provider (the endpoint's /moderations, local fallback), local (built-in zh/en classifier), or auto (provider on api.openai.com, else local). */
  MODERATION: z.enum(['auto', 'provider', 'local']).default('auto'),
  /** A GGUF file to use as the offline model instead of the bundled TinyLlama. */
  OFFLINE_MODEL_PATH: optionalText,
  /** Where the offline model is downloaded and cached (the server, `quickstart` and the model fetcher all read it). Default: ~/.cache/soullink/models. */
  MODEL_CACHE_DIR: optionalText,
  /** Port of the worker's own HTTP server (/healthz, /readyz, /metrics); 0 picks a free port. */
  WORKER_METRICS_PORT: port.default(4001),
  /** Interface the worker's HTTP server binds to. */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Where account emails (reset, verification, invitation links) go: `log` (written to the log outside production, dropped in it) or `smtp` (delivered through SMTP_URL). */
  EMAIL_TRANSPORT: z.enum(['log', 'smtp']).default('log'),
  /** SMTP server for EMAIL_TRANSPORT=smtp: `smtps://user:password@host:465` (TLS from the start) or `smtp://user:password@host:587` (STARTTLS when offered; add `?requireTLS=true` to refuse plain text). Percent-encode special characters in the user and password. */
  SMTP_URL: optionalText,
  /** Sender of account emails, e.g. `SoulLink <no-reply@example.com>`; required with EMAIL_TRANSPORT=smtp. */
  EMAIL_FROM: optionalText,
  /** OpenTelemetry traces: `none` (off: no SDK is started), `otlp` (OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT) or `console` (printed to stdout, for local debugging). Spans carry names, ids, codes and counts, never chat content. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /** Base URL of the OTLP/HTTP collector; traces are posted to <endpoint>/v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://collector:4318' }).default('http://localhost:4318'),
  /** `service.name` of this process's spans (give the API and the worker different names to tell them apart). */
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('soullink'),
  /** Send LangChain traces (prompts and replies: intimate chats) to LangSmith, a hosted service. Off unless `true`: LANGCHAIN_TRACING_V2 and LANGSMITH_TRACING are cleared otherwise. */
  LANGSMITH_TRACING_ENABLED: z.stringbool().default(false),
  /** BullMQ job lock, ms: a worker that dies (kill -9) has its job picked up by another after about this long. */
  JOB_LOCK_MS: positiveInt.min(1000).max(600_000).default(30_000),
  /** Episodes of one simulation run at the same time (each episode's turns stay in order). */
  SIMULATION_EPISODE_CONCURRENCY: positiveInt.max(16).default(2),
  /** Background jobs one worker process runs at the same time. */
  WORKER_CONCURRENCY: positiveInt.max(64).default(4),
  /** Tokens of recent conversation put into the partner's prompt (newest turns first, until the budget is spent). */
  CHAT_HISTORY_TOKENS: positiveInt.min(100).max(32_000).default(1500),
  /** A chat with no message for this long counts as idle: its new messages are summarised into long-term memory, minutes. */
  CHAT_IDLE_MINUTES: positiveInt.max(24 * 60).default(10),
  /** Long-term memory recall: a memory's recency weight halves every this many days. */
  MEMORY_HALF_LIFE_DAYS: positiveInt.max(3650).default(30),
  /** Deepest field nesting a GraphQL operation may have (introspection excluded). */
  QUERY_MAX_DEPTH: positiveInt.max(50).default(6),
  /** Most aliases one GraphQL document may use. */
  QUERY_MAX_ALIASES: positiveInt.max(500).default(15),
  /** Most lexical tokens one GraphQL document may have (parsing stops beyond). */
  QUERY_MAX_TOKENS: positiveInt.max(100_000).default(1000),
  /** Highest estimated cost of one GraphQL operation (each field 1; fields under a list count once per item of its page). */
  QUERY_MAX_COST: positiveInt.max(1_000_000).default(5000),
  /** Most directives one GraphQL document may use. */
  QUERY_MAX_DIRECTIVES: positiveInt.max(1000).default(50),
  /** Open websocket connections one user may hold at once (more are closed with 4429). */
  WS_MAX_CONNECTIONS_PER_USER: positiveInt.max(10_000).default(10),
  /** Subscriptions one user may hold open at once across their connections. */
  WS_MAX_SUBSCRIPTIONS_PER_USER: positiveInt.max(100_000).default(50),
  /** Rate-limit overrides as JSON: {"auth": {"limit": 30, "windowMs": 60000}, ...}; classes: global, auth, loginAccount, chat, simulation, analysis, import. */
  RATE_LIMITS: optionalText,
  /** Expose GraphQL introspection. Default: on except in production. */
  GRAPHQL_INTROSPECTION: z.stringbool().optional(),
  /** Browser origins that may call the API from another origin (CORS, and the websocket Origin check), comma-separated, e.g. `https://app.example.com,http://localhost:5173`; `*` allows any. Unset: none (same-origin pages and non-browser clients only). */
  CORS_ORIGINS: originList.optional(),
  /** Serve the self-hosted GraphiQL explorer (works offline) to browsers that GET the GraphQL path. Default: on except in production. */
  GRAPHQL_EXPLORER: z.stringbool().optional(),
});

export type RawEnv = z.infer<typeof envSchema>;
