import { unreachableAsStoreUnavailable } from './stores/mongodb/unreachable-as-store-unavailable';
import { SealedPostgresSaver } from './stores/checkpoints/sealed-postgres-saver';
import { SealingSerde } from './stores/checkpoints/sealing-serde';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { MongoClient } from 'mongodb';
import { migrations } from '../migrations';
import { SCENARIO_LIBRARY } from '../seeds/scenarios/library';
import type { AppServices } from './app-services';
import { JoseIdTokenVerifier, identityProvidersFromConfig } from './auth/jose-id-token-verifier';
import { CachedAuthenticator } from './auth/cached-authenticator';
import { OnQueryAccountWrites } from './stores/postgres/on-query-account-writes';
import type { Config } from './config/config';
import { embeddedPostgresPassword } from './config/load-config';
import { AccessTokens } from './domain/accounts/access-tokens';
import { entities } from './entities';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { applyLangsmithPolicy } from './observability/langsmith-policy';
import { MeteredEventBus } from './observability/metered-event-bus';
import { LogEmailSender } from './email/log-email-sender';
import { SmtpEmailSender } from './email/smtp-email-sender';
import type { EmailSender } from './ports/email.port';
import type { Tracer } from './ports/tracer.port';
import { tracerFromConfig } from './observability/tracer-from-config';
import { TracedModelProvider } from './observability/traced-model-provider';
import { MeteredJobRunner } from './jobs/metered-job-runner';
import { assertMigrated } from './stores/postgres/assert-migrated';
import type { EventBus } from './ports/event-bus.port';
import type { HealthCheck } from './ports/health-check.port';
import { InProcessEventBus } from './stores/memory/in-process-event-bus';
import { MongodbHealth, createMongoClient } from './stores/mongodb/mongodb-health';
import { createOrm } from './stores/postgres/create-orm';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './stores/postgres/embedded-postgres';
import { PostgresHealth } from './stores/postgres/postgres-health';
import { AdvisoryRunLock } from './stores/postgres/advisory-run-lock';
import { createRedisConnection, redisReady } from './stores/redis/redis-connection';
import { RedisEventBus } from './stores/redis/redis-event-bus';
import { RedisHealth } from './stores/redis/redis-health';
import { DEFAULT_RATE_RULES } from './domain/rate-limits/rate-limit-policy';
import { InProcessRateLimiter } from './stores/rate-limit/in-process-rate-limiter';
import { RedisRateLimiter } from './stores/rate-limit/redis-rate-limiter';
import { InProcessShortTermMemory } from './stores/short-term-memory/in-process-short-term-memory';
import { RedisShortTermMemory } from './stores/short-term-memory/redis-short-term-memory';
import { WeaviateHealth } from './stores/weaviate/weaviate-health';
import { LlmHealth } from './llm/llm-health';
import { InProcessResponseCache } from './llm/cache/in-process-response-cache';
import { RedisResponseCache } from './llm/cache/redis-response-cache';
import type { ResponseCache } from './ports/response-cache.port';
import { ChatModelFactory } from './llm/chat-model-factory';
import { OFFLINE_CHAT_MODEL, OFFLINE_EMBEDDING_MODEL, llmSettingsFromConfig } from './llm/llm-settings-from-config';
import type { LlmSettings } from './llm/llm-settings';
import { ModelBreakers } from './llm/model-breakers';
import type { ModelProvider } from './ports/model-provider.port';
import { FallbackModerator } from './llm/moderation/fallback-moderator';
import { LocalModerator } from './llm/moderation/local-moderator';
import type { Moderator } from './ports/moderation.port';
import { OpenAiModerator } from './llm/moderation/openai-moderator';
import { requireLlamaBinary } from './llm/offline/llama-binary';
import { ensureOfflineModel } from './llm/offline/model-fetcher';
import { startOfflineLlmServer } from './llm/offline/offline-llm-server';
import { ResilientModelProvider } from './llm/resilient-model-provider';
import { PostgresUsageLedger } from './llm/usage/postgres-usage-ledger';
import { PostgresTokenQuota } from './stores/usage/postgres-token-quota';
import { PostgresSimulationRunStore } from './stores/simulations/postgres-simulation-run-store';
import { PostgresUsageTotals } from './stores/usage/postgres-usage-totals';
import { PostgresMonthlyTokenUsage } from './stores/usage/postgres-monthly-token-usage';
import { PostgresAccountTokenStore } from './stores/accounts/postgres-account-token-store';
import { TIER_LIMITS } from './domain/tiers';
import { BullmqJobRunner } from './jobs/bullmq-job-runner';
import { registerJobs } from './jobs/worker';
import { InProcessJobRunner } from './jobs/in-process-job-runner';
import type { JobRunner } from './ports/job-runner.port';
import type { TranscriptStore } from './ports/transcript-store.port';
import { MongodbTranscriptStore } from './stores/transcripts/mongodb-transcript-store';
import { PostgresTranscriptStore } from './stores/transcripts/postgres-transcript-store';
import type { ChatEventLog } from './ports/chat-event-log.port';
import type { MemoryStore } from './ports/memory-store.port';
import { ChatEngine } from './chat-runtime/chat-engine';
import type { ReplyWriter } from './ports/reply-writer.port';
import type { Clock } from './ports/clock.port';
import { systemClock } from './kernel/clock/system-clock';
import { chatDepsFrom } from './domain/chats/chat-services';
import { pooledSql } from './stores/postgres/pooled-sql';
import type { SqlExecutor } from './stores/postgres/sql-executor';
import { postgresChatStore } from './stores/chats/postgres-chat-store';
import { FailoverChatEventLog } from './stores/chat-events/failover-chat-event-log';
import { InProcessChatEventLog } from './stores/chat-events/in-process-chat-event-log';
import { RedisChatEventLog } from './stores/chat-events/redis-chat-event-log';
import { PostgresMemoryStore } from './stores/memory-store/postgres-memory-store';
import { WeaviateMemoryStore, connectWeaviate } from './stores/memory-store/weaviate-memory-store';
import { EncryptingMemoryStore } from './stores/encryption/encrypting-memory-store';
import { EncryptingTranscriptStore } from './stores/encryption/encrypting-transcript-store';
import { PostgresDataKeyRing } from './stores/encryption/postgres-data-key-ring';
import { PostgresStudyDatasetBlobs } from './stores/studies/postgres-study-dataset-blobs';
import type { ObjectStore } from './ports/object-store.port';
import { EncryptingObjectStore } from './stores/encryption/encrypting-object-store';
import { FilesystemObjectStore } from './stores/objects/filesystem-object-store';
import { S3ObjectStore } from './stores/objects/s3-object-store';
import { PaddleOcrEngine } from './ocr/paddle-ocr-engine';
import { buildSpeechProvider } from './llm/speech/build-speech-provider';

export interface App {
  services: AppServices;
  /** Closes every connection and stops the embedded database, in reverse order of start. */
  close(): Promise<void>;
}

/**
 * The composition root: the only place that imports concrete adapters. Builds each port
 * once from config and hands the set to the API server, the worker and the CLI.
 */
export async function createApp(config: Config, options: { logger?: Logger; metrics?: Metrics; email?: EmailSender; tracer?: Tracer; clock?: Clock } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  // Before any LangChain module runs: its tracing would send chats to LangSmith.
  applyLangsmithPolicy(config, process.env, logger);
  const metrics = options.metrics ?? new Metrics();
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) {
      try {
        await fn();
      } catch (err) {
        logger.error({ err }, 'error while shutting down');
      }
    }
  };
  // Off by default (a no-op); closed last, so the spans of the shutdown itself are exported.
  const tracer = options.tracer ?? tracerFromConfig(config.tracing);
  closers.push(() => tracer.close());

  try {
    // Raw writes of account rows, seen through the ORM's onQuery hook (set once, here), for the session cache.
    const rawAccountWrites = new OnQueryAccountWrites();
    const { orm, mode, url: databaseUrl } = await connectPostgres(config, logger, closers, { onQuery: rawAccountWrites.onQuery });
    // LangGraph checkpoints live in the same PostgreSQL (their own tables, created idempotently),
    // their state sealed under a key derived from the master key (a run's turns are in it).
    const checkpointer = SealedPostgresSaver.fromConnStringSealed(
      databaseUrl,
      new SealingSerde({ id: config.encryption.masterKeyId, masterKey: config.encryption.masterKey }, config.encryption.retiredMasterKeys),
      (err) => logger.warn({ err }, 'a checkpoint database connection broke; it is replaced on next use'),
    );
    await checkpointer.setup();
    closers.push(() => checkpointer.end());
    const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger, closers) : undefined;
    const events: EventBus = new MeteredEventBus(redis ? new RedisEventBus(redis.main, redis.subscriber) : new InProcessEventBus(), metrics);
    closers.push(() => events.close());
    const mongo: MongoClient | undefined = config.mongodbUrl ? createMongoClient(config.mongodbUrl) : undefined;
    if (mongo) closers.push(() => mongo.close());

    // The model clients (keep-alive sockets to the endpoints): closed after the jobs and the chat
    // engine, which call the models (closers run in reverse).
    const models = new ChatModelFactory();
    closers.push(async () => models.close());
    const jobs: JobRunner = new MeteredJobRunner(config.redisUrl ? new BullmqJobRunner(config.redisUrl, logger, config.jobs) : new InProcessJobRunner(logger), metrics, tracer);
    closers.push(() => jobs.close());

    // The stores' SQL: through MikroORM's connection, and straight to node-postgres on the same
    // pool for the stores on the live-chat path (see pooledSql).
    const ormSql: SqlExecutor = { execute: (sql, params) => orm.em.getConnection().execute(sql, params) };
    const chatPathSql = pooledSql(orm);

    // Encryption at rest: transcript and memory texts are sealed with per-user data keys.
    const dataKeys = new PostgresDataKeyRing(
      ormSql,
      { masterKey: config.encryption.masterKey, masterKeyId: config.encryption.masterKeyId, retiredMasterKeys: config.encryption.retiredMasterKeys },
    );
    const transcripts: TranscriptStore = new EncryptingTranscriptStore(
      mongo
        ? unreachableAsStoreUnavailable(new MongodbTranscriptStore(mongo), 'transcript', mongo)
        : new PostgresTranscriptStore(chatPathSql),
      dataKeys,
    );
    closers.push(() => transcripts.close());
    const llm = buildLlm({ config, orm, usageSql: chatPathSql, redis: redis?.main, metrics, logger, clock, closers, models });
    const memories: MemoryStore = new EncryptingMemoryStore(await buildMemoryStore(config, orm, closers), dataKeys);
    const chatEvents: ChatEventLog = redis
      ? new FailoverChatEventLog(new RedisChatEventLog(redis.main, redis.chatSubscriber, {
          onError: (err) => logger.warn({ err: err.message, component: 'chat-events' }, 'chat event log background failure'),
        }), new InProcessChatEventLog(), {
          // The chat goes on when Redis does not: events flow through this process until it is back.
          onFailover: (err) => logger.warn({ err: err.message, component: 'chat-events' }, 'chat event log unavailable in Redis; serving from this process'),
        })
      : new InProcessChatEventLog();
    closers.push(() => chatEvents.close());

    // Uploaded files are sealed with the owner's data key too, wherever they are kept.
    const objects: ObjectStore = new EncryptingObjectStore(await buildObjectStore(config), dataKeys);
    closers.push(() => objects.close());
    const ocr = new PaddleOcrEngine();
    closers.push(() => ocr.close());
    // An endpoint when LLM_SPEECH_MODEL is set, else eSpeak NG offline (loaded on first use).
    const speech = buildSpeechProvider({ settings: llm.settings, ledger: new PostgresUsageLedger(chatPathSql, llm.settings.prices), logger });
    closers.push(() => speech.close());

    const healthChecks: HealthCheck[] = [
      new PostgresHealth(orm, mode),
      new RedisHealth(redis?.main),
      new MongodbHealth(mongo),
      new WeaviateHealth(config.weaviateUrl),
      llm.health,
    ];
    const accessTokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTokenTtlSeconds, clock);
    // API requests' sessions, cached briefly; it listens from start() below.
    const authenticator = new CachedAuthenticator({ orm, accessTokens, clock, events, logger, rawAccountWrites });
    const services: AppServices = {
      config,
      logger,
      metrics,
      orm,
      accessTokens,
      idTokens: new JoseIdTokenVerifier(identityProvidersFromConfig(config.auth.oidc)),
      authenticator,
      events,
      healthChecks,
      jobs,
      llm: tracer.enabled ? new TracedModelProvider(llm.provider, tracer) : llm.provider,
      transcripts,
      llmSettings: llm.settings,
      checkpointer,
      runLock: new AdvisoryRunLock(databaseUrl, (err, key) => logger.warn({ err, key }, 'a run lock connection broke; the lock is released')),
      rateLimiter: redis ? new RedisRateLimiter(redis.main) : new InProcessRateLimiter(),
      rateRules: { ...DEFAULT_RATE_RULES, ...config.rateLimits },
      shortTermMemory: redis ? new RedisShortTermMemory(redis.main) : new InProcessShortTermMemory(),
      scenarioLibrary: SCENARIO_LIBRARY,
      email: options.email ?? buildEmailSender(config, logger, closers),
      tracer,
      memories,
      dataKeys,
      studyDatasets: new PostgresStudyDatasetBlobs(ormSql, dataKeys),
      responseCache: llm.cache,
      objects,
      ocr,
      speech: speech.speech,
      chatEvents,
      chatStore: postgresChatStore(chatPathSql),
      usageTotals: new PostgresUsageTotals(ormSql),
      monthlyTokenUsage: new PostgresMonthlyTokenUsage(ormSql),
      accountTokens: new PostgresAccountTokenStore(ormSql),
      simulationRuns: new PostgresSimulationRunStore(ormSql),
      chat: undefined as unknown as ReplyWriter,
      clock,
    };
    // The chat runtime (src/chat-runtime): business operations reach it as `services.chat`, its ReplyWriter port.
    const chatRuntime = new ChatEngine(chatDepsFrom(services));
    services.chat = chatRuntime;
    await chatRuntime.start();
    // Closed before the event bus and the stores it writes to (closers run in reverse).
    closers.push(() => chatRuntime.close(Math.min(config.http.shutdownGraceMs, 10_000)));
    // Ended sessions and changed account rows from here on; closed before the event bus it listens on.
    await authenticator.start();
    closers.push(() => authenticator.close());
    registerJobs(services);
    return { services, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function connectPostgres(
  config: Config,
  logger: Logger,
  closers: (() => Promise<unknown>)[],
  options: { requireMigrated?: boolean; onQuery?: (sql: string, params: unknown[]) => string } = {},
) {
  let url: string;
  if (config.postgres.mode === 'embedded') {
    const embedded: EmbeddedPostgresHandle = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.postgres.port,
      password: embeddedPostgresPassword(config),
      logger,
    });
    closers.push(() => embedded.stop());
    url = embedded.url;
  } else {
    url = config.postgres.url;
  }
  const orm: MikroORM = await createOrm({ clientUrl: url, entities, migrations, logger, onQuery: options.onQuery });
  closers.push(() => orm.close(true));
  if (config.postgres.migrateOnStart) {
    const applied = await orm.migrator.up();
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  } else if (options.requireMigrated ?? true) {
    await assertMigrated(orm);
  }
  return { orm, mode: config.postgres.mode, url };
}

/**
 * Just the database (embedded or external), for commands that must run on an unmigrated or
 * old schema: `migrate`, `migrate:create`, `rewrap-keys`. Applies migrations only when
 * MIGRATE_ON_START says so.
 */
export async function openDatabase(config: Config, options: { logger?: Logger } = {}): Promise<{ orm: MikroORM; close(): Promise<void> }> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn();
  };
  try {
    const { orm } = await connectPostgres(config, logger, closers, { requireMigrated: false });
    return { orm, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function connectRedis(url: string, logger: Logger, closers: (() => Promise<unknown>)[]): Promise<{ main: Redis; subscriber: Redis; chatSubscriber: Redis }> {
  const main = createRedisConnection(url, logger, 'main');
  const subscriber = createRedisConnection(url, logger, 'subscriber');
  const chatSubscriber = createRedisConnection(url, logger, 'chat-subscriber');
  closers.push(async () => {
    main.disconnect();
    subscriber.disconnect();
    chatSubscriber.disconnect();
  });
  // Redis is not critical: start even when it is down (limits and caches fail open),
  // but wait briefly so a healthy Redis is in use from the first request.
  await Promise.all([redisReady(main, 3000), redisReady(subscriber, 3000), redisReady(chatSubscriber, 3000)]).catch((err: Error) =>
    logger.warn({ err: err.message }, 'Redis not reachable at startup; continuing degraded'),
  );
  return { main, subscriber, chatSubscriber };
}

/**
 * Account emails: SMTP when EMAIL_TRANSPORT=smtp; otherwise the log, with the whole mail
 * outside production and only the subject in it (the mail is dropped: it holds a one-time code).
 */
function buildEmailSender(config: Config, logger: Logger, closers: (() => Promise<unknown>)[]): EmailSender {
  if (config.email.transport === 'log') return new LogEmailSender(logger, { revealBody: !config.isProduction });
  const smtp = new SmtpEmailSender(config.email.smtp, config.email.from, logger);
  closers.push(() => smtp.close());
  return smtp;
}

/** Uploaded files: an S3-compatible bucket when S3_ENDPOINT is set, else a folder under DATA_DIR. */
async function buildObjectStore(config: Config): Promise<ObjectStore> {
  const c = config.objectStore;
  if (c.kind === 'filesystem') return new FilesystemObjectStore(c.root);
  const s3 = new S3ObjectStore(c);
  await s3.ensureBucket();
  return s3;
}

/** Long-term memory: Weaviate when WEAVIATE_URL is set, else a table in the app's PostgreSQL. */
async function buildMemoryStore(config: Config, orm: MikroORM, closers: (() => Promise<unknown>)[]): Promise<MemoryStore> {
  let store: MemoryStore;
  if (config.weaviateUrl) {
    const client = await connectWeaviate(config.weaviateUrl, config.weaviate ?? {});
    const weaviate = new WeaviateMemoryStore(client, { onClose: () => client.close() });
    await weaviate.ensureCollection();
    store = weaviate;
  } else {
    store = new PostgresMemoryStore({ execute: (sql, params) => orm.em.getConnection().execute(sql, params) });
  }
  closers.push(() => store.close());
  return store;
}

/**
 * The provider layer: endpoints and tiers from config (or the offline model, started on
 * first use), breakers, the Postgres usage ledger and quotas, the response cache (Redis or
 * in-process) and moderation (provider with local fallback, or local).
 */
function buildLlm(deps: {
  config: Config;
  orm: MikroORM;
  redis: Redis | undefined;
  metrics: Metrics;
  logger: Logger;
  clock: Clock;
  closers: (() => Promise<unknown>)[];
  models: ChatModelFactory;
  /** Every model call reserves, settles and records its usage: statements on the live-chat path (createApp's pooledSql). */
  usageSql: SqlExecutor;
}): { provider: ModelProvider; settings: LlmSettings; health: LlmHealth; cache: ResponseCache } {
  const { config, orm, redis, metrics, logger, clock, closers, models, usageSql } = deps;
  let offline: Promise<string> | undefined;
  const startOffline = () => {
    offline ??= (async () => {
      // Before the ~320 MB download: a platform without a prebuilt llama.cpp fails now, saying what to do.
      requireLlamaBinary();
      const modelPath = config.llm.offlineModelPath ?? (await ensureOfflineModel({ cacheDir: config.llm.modelCacheDir }));
      const server = await startOfflineLlmServer({
        modelPath,
        port: 0,
        chatModelName: OFFLINE_CHAT_MODEL,
        embeddingModelName: OFFLINE_EMBEDDING_MODEL,
        // Structured verdicts (episode scores) need room; callers still set their own max tokens.
        maxTokensCap: 1024,
      });
      closers.push(() => server.close());
      logger.info({ model: modelPath.split('/').pop() }, 'offline model ready');
      return server.baseUrl;
    })();
    return offline;
  };
  const settings = llmSettingsFromConfig(config.llm, startOffline);
  const local = new LocalModerator();
  const moderator: Moderator =
    settings.moderation === 'provider'
      ? new FallbackModerator(
          new OpenAiModerator({ baseUrl: config.llm.baseUrl ?? 'https://api.openai.com/v1', apiKey: config.llm.apiKey, timeoutMs: 3000 }),
          local,
          (err) => logger.warn({ err: err.message }, 'moderation endpoint unavailable; using the local classifier'),
        )
      : local;
  const breakers = new ModelBreakers(settings.breakerFailures, settings.breakerHalfOpenMs);
  const cache: ResponseCache = redis ? new RedisResponseCache(redis) : new InProcessResponseCache();
  const provider = new ResilientModelProvider({
    settings,
    models,
    breakers,
    ledger: new PostgresUsageLedger(usageSql, settings.prices),
    // The store gets the tier table's token column as plain data (stores do not import the domain).
    quota: new PostgresTokenQuota(orm, Object.fromEntries(Object.entries(TIER_LIMITS).map(([tier, limits]) => [tier, limits.monthlyTokens])), clock, usageSql),
    cache,
    moderator,
    metrics,
    logger,
  });
  return { provider, settings, health: new LlmHealth(settings, breakers), cache };
}
