import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScenarioTemplate } from './kernel/simulation/scenarios/scenario-template.schema';
import type { EmailSender } from './ports/email.port';
import type { Tracer } from './ports/tracer.port';
import type { Config } from './config/config';
import type { AccessTokens } from './domain/accounts/access-tokens';
import type { IdTokenVerifier } from './ports/id-token-verifier.port';
import type { RequestAuthenticator } from './ports/request-authenticator.port';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';
import type { EventBus } from './ports/event-bus.port';
import type { HealthCheck } from './ports/health-check.port';
import type { JobRunner } from './ports/job-runner.port';
import type { RunLock } from './ports/run-lock.port';
import type { RateLimiter } from './ports/rate-limiter.port';
import type { RateClass, RateRule } from './domain/rate-limits/rate-limit-policy';
import type { ShortTermMemory } from './ports/short-term-memory.port';
import type { ChatEventLog } from './ports/chat-event-log.port';
import type { ChatStore } from './ports/chat-store.port';
import type { DataKeyRing } from './ports/data-key-ring.port';
import type { StudyDatasetBlobStore } from './ports/study-dataset-blobs.port';
import type { ObjectStore } from './ports/object-store.port';
import type { OcrEngine } from './ports/ocr-engine.port';
import type { SpeechProvider } from './ports/speech.port';
import type { ResponseCache } from './ports/response-cache.port';
import type { MemoryStore } from './ports/memory-store.port';
import type { ReplyWriter } from './ports/reply-writer.port';
import type { Clock } from './ports/clock.port';
import type { SimulationRunStore } from './ports/simulation-run-store.port';
import type { UsageTotals } from './ports/usage-totals.port';
import type { MonthlyTokenUsage } from './ports/monthly-token-usage.port';
import type { AccountTokenStore } from './ports/account-token-store.port';
import type { TranscriptStore } from './ports/transcript-store.port';
import type { LlmSettings } from './llm/llm-settings';
import type { ModelProvider } from './ports/model-provider.port';

/**
 * Everything the composition root wires once per process and hands to the API server,
 * the worker and the CLI. Holds ports, never concrete adapter types.
 */
export interface AppServices {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  orm: MikroORM;
  accessTokens: AccessTokens;
  idTokens: IdTokenVerifier;
  /** Access tokens of API requests to sessions (briefly cached; started and closed with the app). */
  authenticator: RequestAuthenticator;
  events: EventBus;
  healthChecks: HealthCheck[];
  jobs: JobRunner;
  /** The only way to reach models (see src/llm). */
  llm: ModelProvider;
  llmSettings: LlmSettings;
  transcripts: TranscriptStore;
  /** LangGraph checkpoints (PostgreSQL), so any worker can resume any run. */
  checkpointer: BaseCheckpointSaver;
  runLock: RunLock;
  rateLimiter: RateLimiter;
  rateRules: Record<RateClass, RateRule>;
  /** Recent turns per (user, persona) for chat prompts. */
  shortTermMemory: ShortTermMemory;
  /** Long-term memory (Weaviate, or PostgreSQL by default). */
  memories: MemoryStore;
  /** Per-user data keys of encryption at rest; erasure calls `forget`. */
  dataKeys: DataKeyRing;
  /** Deterministic model answers, per user (erasure forgets them). */
  responseCache: ResponseCache;
  /** Per-chat event log with replay by seq (Redis Streams, or in-process). */
  chatEvents: ChatEventLog;
  /** Chat sessions, messages and the reply queue (PostgreSQL). */
  chatStore: ChatStore;
  /** Token use and cost summed from the usage ledger's records (usage reports). */
  usageTotals: UsageTotals;
  /** The token quota's counts of the month, read back (an account's monthly usage). */
  monthlyTokenUsage: MonthlyTokenUsage;
  /** One-time tokens of the emailed account flows (reset, verification, invitation). */
  accountTokens: AccountTokenStore;
  /** Simulation runs' event log, status and episode scores (PostgreSQL). */
  simulationRuns: SimulationRunStore;
  /** Writes chat replies (the chat runtime, one per process), seen through its port. */
  chat: ReplyWriter;
  /** Business time (expiries, quota months, timestamps written); the system clock outside tests. */
  clock: Clock;
  /** Sealed study dataset bytes (validation studies), encrypted with the owner's data key. */
  studyDatasets: StudyDatasetBlobStore;
  /** Uploaded files (filesystem under DATA_DIR, or S3), sealed with the owner's data key. */
  objects: ObjectStore;
  /** Offline OCR for chat screenshots (model loaded on first use). */
  ocr: OcrEngine;
  /** Speech to text and back (OpenAI-compatible audio endpoints). */
  speech: SpeechProvider;
  /** Built-in scenario templates (seeds/scenarios). */
  scenarioLibrary: ScenarioTemplate[];
  /** Account emails: password reset, email verification, invitations. */
  email: EmailSender;
  /** Tracing spans (OpenTelemetry, or a no-op when OTEL_TRACES_EXPORTER=none). */
  tracer: Tracer;
}
