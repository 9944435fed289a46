/**
 * What a span may carry: names, ids, codes, counts and outcomes. Never chat content,
 * prompts, replies, GraphQL variables, email addresses or secrets: traces leave the process
 * for a collector that is not built to hold intimate data.
 */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanOptions {
  /** OpenTelemetry span kind: `server` for a request we answer, `consumer` for a job, `client` for a call out. */
  kind?: 'internal' | 'server' | 'client' | 'consumer';
  attributes?: SpanAttributes;
}

export interface TraceSpan {
  setAttributes(attributes: SpanAttributes): void;
  /** Renames the span once more is known (a GraphQL operation's type and root fields). */
  rename(name: string): void;
  /** Marks the span failed with a stable code; error messages are not recorded (they may quote input). */
  fail(code: string): void;
  end(): void;
}

/**
 * Tracing (OpenTelemetry when OTEL_TRACES_EXPORTER is set, else a no-op that costs a
 * function call). A port of its own rather than @opentelemetry/api's Tracer: callers get
 * only the narrow surface above (primitive attributes, failure by code, never an exception
 * with its message), and the SDK is built per app in the composition root instead of being
 * found through OpenTelemetry's process-wide registry.
 */
export interface Tracer {
  /** False when tracing is off: callers may skip computing attributes. */
  readonly enabled: boolean;
  /**
   * Runs `fn` in a new span, a child of the span current where it is called; spans started
   * inside `fn` (in the same async flow) become its children. The span ends when `fn`
   * settles, failed with the error's code (or its class name) if `fn` throws.
   */
  inSpan<T>(name: string, options: SpanOptions, fn: (span: TraceSpan) => Promise<T>): Promise<T>;
  /** Starts a child of the current span that the caller ends, for a start and end in separate callbacks. */
  startSpan(name: string, options: SpanOptions): TraceSpan;
  /** Exports what is buffered and stops. */
  close(): Promise<void>;
}
