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

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'soullink_' });
  }

  recordOperation(operation: string, type: string, outcome: 'ok' | 'error', seconds: number): void {
    this.operations.inc({ operation, type, outcome });
    this.operationDuration.observe({ operation, type }, seconds);
  }
}
