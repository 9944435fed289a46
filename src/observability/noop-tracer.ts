import type { TraceSpan, Tracer } from '../ports/tracer.port';

const NOOP_SPAN: TraceSpan = { setAttributes() {}, rename() {}, fail() {}, end() {} };

/** Tracing off (OTEL_TRACES_EXPORTER=none, the default): no SDK is loaded and a span costs a call. */
export class NoopTracer implements Tracer {
  readonly enabled = false;

  inSpan<T>(_name: string, _options: unknown, fn: (span: TraceSpan) => Promise<T>): Promise<T> {
    return fn(NOOP_SPAN);
  }

  startSpan(): TraceSpan {
    return NOOP_SPAN;
  }

  async close(): Promise<void> {}
}
