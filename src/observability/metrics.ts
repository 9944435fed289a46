import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one process; one registry per app so tests can run several apps. */
export class Metrics {
  readonly registry = new Registry();

  readonly operations = new Counter({
    name: 'soullink_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok or error).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'soullink_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency (queries and mutations; subscriptions measure setup).',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'soullink_graphql_errors_total',
    help: 'GraphQL errors by stable error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly openSubscriptions = new Gauge({
    name: 'soullink_open_subscriptions',
    help: 'Subscriptions currently open over graphql-ws.',
    registers: [this.registry],
  });

  readonly openConnections = new Gauge({
    name: 'soullink_open_websocket_connections',
    help: 'graphql-ws connections currently open.',
    registers: [this.registry],
  });

  readonly llmCalls = new Counter({
    name: 'soullink_llm_calls_total',
    help: 'Model calls by tier, model and outcome (ok, error, partial, canned, cached, blocked).',
    labelNames: ['tier', 'model', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly llmTokens = new Counter({
    name: 'soullink_llm_tokens_total',
    help: 'Tokens by model and kind (prompt, completion).',
    labelNames: ['model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly llmCache = new Counter({
    name: 'soullink_llm_cache_total',
    help: 'Response cache lookups for deterministic calls, by result (hit, miss).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly llmFirstToken = new Histogram({
    name: 'soullink_llm_first_token_seconds',
    help: 'Time from starting a streaming model call to its first token, by tier and model (fallbacks time each model on its own).',
    labelNames: ['tier', 'model'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 15, 30],
    registers: [this.registry],
  });

  readonly llmCallDuration = new Histogram({
    name: 'soullink_llm_call_duration_seconds',
    help: 'Duration of model calls (streamed, structured, embeddings) by tier, model and outcome; cache hits excluded.',
    labelNames: ['tier', 'model', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 60, 120],
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'soullink_jobs_total',
    help: 'Background jobs run in this process, by job name and outcome (ok, error, busy).',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'soullink_job_duration_seconds',
    help: 'Background job duration in this process, by job name (a whole simulation is one job).',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800],
    registers: [this.registry],
  });

  readonly simulationTurns = new Counter({
    name: 'soullink_simulation_turns_total',
    help: 'Simulation turns played (each logged once, resumed runs included).',
    registers: [this.registry],
  });

  readonly simulationEpisodes = new Counter({
    name: 'soullink_simulation_episodes_total',
    help: 'Simulation episodes by stage (started, scored).',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly simulationRuns = new Counter({
    name: 'soullink_simulation_runs_total',
    help: 'Simulation runs that ended, by outcome (report_ready, failed, cancelled).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Where queue depths come from; read at scrape time (see watchQueue). */
  private queueSource: (() => Promise<Record<string, number> | undefined>) | undefined;
  private queueName = 'soullink';

  readonly queueJobs = new Gauge({
    name: 'soullink_queue_jobs',
    help: 'Jobs in the queue by state (waiting, active, delayed, failed), read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: async () => {
      // Redis down: the series disappear (an alert on absent() sees it) and the scrape still succeeds.
      const counts = await this.queueSource?.().catch(() => undefined);
      this.queueJobs.reset();
      for (const [state, n] of Object.entries(counts ?? {})) this.queueJobs.set({ queue: this.queueName, state }, n);
    },
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'soullink_' });
  }

  /** Reports `queue`'s job counts on every scrape (the BullMQ queue; nothing for in-process jobs). */
  watchQueue(queue: string, counts: () => Promise<Record<string, number> | undefined>): void {
    this.queueName = queue;
    this.queueSource = counts;
  }

  recordOperation(operation: string, type: string, outcome: 'ok' | 'error', seconds: number): void {
    this.operations.inc({ operation, type, outcome });
    this.operationDuration.observe({ operation, type }, seconds);
  }
}
