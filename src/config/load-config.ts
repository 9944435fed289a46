import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import type { Config, OidcProviderConfig } from './config';
import { envSchema, type RawEnv } from './env.schema';
import { parseSmtpUrl } from './smtp-url';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { placeholderJwtSecretProblem, placeholderMasterKeyProblem } from './placeholder-secrets';
import { defaultModelCacheDir } from '../llm/offline/offline-model.manifest';
import { rateRulesOverride } from '../domain/rate-limits/rate-limit-policy';

/**
 * Reads and validates the environment once. Throws ConfigError naming every bad variable.
 * Pure apart from reading/creating DATA_DIR/local-secrets.json outside production.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = resolve(e.DATA_DIR);

  if (isProduction) {
    const missing = [
      !e.JWT_SECRET && { variable: 'JWT_SECRET', message: 'is required in production (at least 32 random characters)' },
      !e.MASTER_KEY && { variable: 'MASTER_KEY', message: 'is required in production (base64 of 32 random bytes: openssl rand -base64 32)' },
      !e.DATABASE_URL && { variable: 'DATABASE_URL', message: 'is required in production (the embedded PostgreSQL is for local use)' },
    ].filter((p): p is { variable: string; message: string } => Boolean(p));
    if (missing.length > 0) throw new ConfigError(missing);
    const jwtProblem = placeholderJwtSecretProblem(e.JWT_SECRET!);
    const keyProblem = placeholderMasterKeyProblem(e.MASTER_KEY!, Buffer.from(e.MASTER_KEY!, 'base64'));
    const placeholders = [
      jwtProblem && { variable: 'JWT_SECRET', message: jwtProblem },
      keyProblem && { variable: 'MASTER_KEY', message: keyProblem },
    ].filter((p): p is { variable: string; message: string } => Boolean(p));
    if (placeholders.length > 0) throw new ConfigError(placeholders);
  }

  const endpoints = parseJson('LLM_ENDPOINTS', e.LLM_ENDPOINTS, endpointsSchema, {});
  const prices = parseJson('LLM_PRICES', e.LLM_PRICES, pricesSchema, {});
  const rateLimits = parseJson('RATE_LIMITS', e.RATE_LIMITS, rateRulesOverride, {});
  const retiredMasterKeys = parseRetiredMasterKeys(e.MASTER_KEY_RETIRED, e.MASTER_KEY_ID);
  const email = emailConfig(e);

  const local = isProduction ? undefined : loadOrCreateLocalSecrets(dataDir);
  const oidc = (audience: string | undefined, issuer: string, jwksUrl: string): OidcProviderConfig | undefined =>
    audience ? { audience, issuer, jwksUrl } : undefined;

  return {
    env: e.NODE_ENV,
    isProduction,
    http: {
      host: e.HOST,
      port: e.PORT,
      graphqlPath: e.GRAPHQL_PATH,
      maxBodyBytes: e.MAX_BODY_BYTES,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      introspection: e.GRAPHQL_INTROSPECTION ?? !isProduction,
      corsOrigins: e.CORS_ORIGINS ?? [],
      explorer: e.GRAPHQL_EXPLORER ?? !isProduction,
    },
    rateLimits,
    queryLimits: { maxDepth: e.QUERY_MAX_DEPTH, maxAliases: e.QUERY_MAX_ALIASES, maxTokens: e.QUERY_MAX_TOKENS, maxCost: e.QUERY_MAX_COST, maxDirectives: e.QUERY_MAX_DIRECTIVES },
    websocket: { maxConnectionsPerUser: e.WS_MAX_CONNECTIONS_PER_USER, maxSubscriptionsPerUser: e.WS_MAX_SUBSCRIPTIONS_PER_USER },
    dataDir,
    postgres: e.DATABASE_URL
      ? { mode: 'external', url: e.DATABASE_URL, migrateOnStart: e.MIGRATE_ON_START ?? false }
      : { mode: 'embedded', port: e.EMBEDDED_PG_PORT, migrateOnStart: e.MIGRATE_ON_START ?? true },
    redisUrl: e.REDIS_URL,
    jobs: { lockMs: e.JOB_LOCK_MS, concurrency: e.WORKER_CONCURRENCY, episodeConcurrency: e.SIMULATION_EPISODE_CONCURRENCY },
    chat: { historyTokens: e.CHAT_HISTORY_TOKENS, idleMs: e.CHAT_IDLE_MINUTES * 60_000, memoryHalfLifeDays: e.MEMORY_HALF_LIFE_DAYS },
    mongodbUrl: e.MONGODB_URL,
    weaviateUrl: e.WEAVIATE_URL,
    weaviate: {
      apiKey: e.WEAVIATE_API_KEY,
      grpcHost: e.WEAVIATE_GRPC_HOST,
      // Weaviate Cloud serves gRPC on 443 next to https; self-hosted clusters on 50051.
      grpcPort: e.WEAVIATE_GRPC_PORT ?? (e.WEAVIATE_URL?.startsWith('https:') ? 443 : undefined),
    },
    objectStore: e.S3_ENDPOINT
      ? { kind: 's3', endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
      : { kind: 'filesystem', root: join(dataDir, 'media') },
    auth: {
      jwtSecret: e.JWT_SECRET ?? local!.jwtSecret,
      jwtSecretSource: e.JWT_SECRET ? 'env' : 'generated',
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      oidc: {
        google: oidc(e.OIDC_GOOGLE_AUDIENCE, e.OIDC_GOOGLE_ISSUER, e.OIDC_GOOGLE_JWKS_URL),
        apple: oidc(e.OIDC_APPLE_AUDIENCE, e.OIDC_APPLE_ISSUER, e.OIDC_APPLE_JWKS_URL),
      },
    },
    encryption: {
      masterKey: Buffer.from(e.MASTER_KEY ?? local!.masterKey, 'base64'),
      masterKeyId: e.MASTER_KEY_ID,
      source: e.MASTER_KEY ? 'env' : 'generated',
      retiredMasterKeys,
    },
    appUrl: e.APP_URL,
    workerHttp: { host: e.WORKER_METRICS_HOST, port: e.WORKER_METRICS_PORT },
    email,
    tracing: { exporter: e.OTEL_TRACES_EXPORTER, endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    langsmithTracing: e.LANGSMITH_TRACING_ENABLED,
    logLevel: e.LOG_LEVEL,
    llm: {
      baseUrl: e.LLM_BASE_URL,
      apiKey: e.LLM_API_KEY,
      endpoints,
      tierModels: { deep: e.LLM_DEEP_MODELS, chat: e.LLM_CHAT_MODELS, fast: e.LLM_FAST_MODELS },
      visionModels: e.LLM_VISION_MODELS,
      transcriptionModel: e.LLM_TRANSCRIPTION_MODEL,
      speechModel: e.LLM_SPEECH_MODEL,
      embeddingModel: e.LLM_EMBEDDING_MODEL,
      prices,
      firstTokenTimeoutMs: e.LLM_FIRST_TOKEN_TIMEOUT_MS,
      firstTokenDeadlineMs: e.LLM_FIRST_TOKEN_DEADLINE_MS,
      chunkGapTimeoutMs: e.LLM_CHUNK_GAP_TIMEOUT_MS,
      requestTimeoutMs: e.LLM_REQUEST_TIMEOUT_MS,
      breakerFailures: e.LLM_BREAKER_FAILURES,
      breakerHalfOpenMs: e.LLM_BREAKER_HALF_OPEN_MS,
      cacheTtlSeconds: e.LLM_CACHE_TTL_SECONDS,
      moderation: e.MODERATION,
      offlineModelPath: e.OFFLINE_MODEL_PATH,
      modelCacheDir: resolve(e.MODEL_CACHE_DIR ?? defaultModelCacheDir({})),
    },
  };
}

const endpointsSchema = z.record(z.string().regex(/^[\w-]+$/), z.object({ baseUrl: z.url(), apiKey: z.string().optional() }));
const pricesSchema = z.record(z.string(), z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }));

/** Parses a JSON-valued variable against a schema, naming the variable when it is wrong. */
function parseJson<T>(variable: string, raw: string | undefined, schema: z.ZodType<T>, fallback: T): T {
  if (raw === undefined) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError([{ variable, message: 'is not valid JSON' }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError([{ variable, message: `${issue.path.join('.') || 'value'}: ${issue.message}` }]);
  }
  return parsed.data;
}

/**
 * MASTER_KEY_RETIRED: `id:base64key[,id:base64key…]`. Each key must be 32 bytes and its id must
 * differ from MASTER_KEY_ID (the current key cannot also be retired).
 */
function parseRetiredMasterKeys(raw: string | undefined, currentId: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  if (!raw) return keys;
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const encoded = entry.slice(colon + 1);
    const problem = !/^[\w.-]{1,32}$/.test(id)
      ? 'each entry is id:base64key, e.g. k1:<openssl rand -base64 32>'
      : !/^[A-Za-z0-9+/_-]{43}=?$/.test(encoded) || Buffer.from(encoded, 'base64').length !== 32
        ? `the key of "${id}" must be base64 of 32 bytes`
        : id === currentId
          ? `"${id}" is MASTER_KEY_ID, the current key; a retired key needs the id it had`
          : id in keys
            ? `"${id}" is listed twice`
            : undefined;
    if (problem) throw new ConfigError([{ variable: 'MASTER_KEY_RETIRED', message: problem }]);
    keys[id] = Buffer.from(encoded, 'base64');
  }
  return keys;
}

/**
 * EMAIL_TRANSPORT=smtp needs SMTP_URL and EMAIL_FROM, in every environment: without them no
 * mail could leave, and a reset link that silently never arrives is worse than a refused start.
 */
function emailConfig(e: RawEnv): Config['email'] {
  if (e.EMAIL_TRANSPORT === 'log') return { transport: 'log' };
  const problems: { variable: string; message: string }[] = [];
  const smtp = e.SMTP_URL ? parseSmtpUrl(e.SMTP_URL) : { problem: 'is required with EMAIL_TRANSPORT=smtp (smtps://user:password@host:465)' };
  if ('problem' in smtp) problems.push({ variable: 'SMTP_URL', message: smtp.problem });
  if (!e.EMAIL_FROM) problems.push({ variable: 'EMAIL_FROM', message: 'is required with EMAIL_TRANSPORT=smtp (e.g. SoulLink <no-reply@example.com>)' });
  else if (!EMAIL_FROM_PATTERN.test(e.EMAIL_FROM)) problems.push({ variable: 'EMAIL_FROM', message: 'must be an address, or a name and an address: SoulLink <no-reply@example.com>' });
  if (problems.length > 0 || 'problem' in smtp) throw new ConfigError(problems);
  return { transport: 'smtp', smtp, from: e.EMAIL_FROM! };
}

/** `addr@host` or `Display Name <addr@host>`; one address, no line breaks (they would forge headers). */
const EMAIL_FROM_PATTERN = /^(?:[^<>\r\n@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

/** The embedded PostgreSQL password (kept with the local secrets). */
export function embeddedPostgresPassword(config: Config): string {
  return loadOrCreateLocalSecrets(config.dataDir).embeddedPgPassword;
}
