import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Span, type Tracer as OtelApiTracer } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SpanAttributes, SpanOptions, TraceSpan, Tracer } from '../ports/tracer.port';

const KINDS = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT, consumer: SpanKind.CONSUMER } as const;

/** The Tracer port on the OpenTelemetry SDK: spans go to whatever processors `provider` was built with. */
export class OtelTracer implements Tracer {
  readonly enabled = true;
  private readonly tracer: OtelApiTracer;

  constructor(private readonly provider: NodeTracerProvider) {
    // Which span is current follows async calls through OpenTelemetry's context manager, which
    // is process-wide: register() installs one (AsyncLocalStorage). In a process with several
    // apps (tests) the first one registered stays and serves them all; spans still come from
    // this provider, so each app exports its own.
    provider.register({ propagator: null });
    this.tracer = provider.getTracer('soullink');
  }

  async inSpan<T>(name: string, options: SpanOptions, fn: (span: TraceSpan) => Promise<T>): Promise<T> {
    const span = this.start(name, options);
    const handle = new OtelSpan(span);
    return context.with(trace.setSpan(context.active(), span), async () => {
      try {
        return await fn(handle);
      } catch (err) {
        handle.fail(errorCode(err));
        throw err;
      } finally {
        span.end();
      }
    });
  }

  startSpan(name: string, options: SpanOptions): TraceSpan {
    return new OtelSpan(this.start(name, options));
  }

  async close(): Promise<void> {
    await this.provider.shutdown();
  }

  private start(name: string, options: SpanOptions): Span {
    return this.tracer.startSpan(name, { kind: KINDS[options.kind ?? 'internal'], attributes: defined(options.attributes) }, context.active());
  }
}

class OtelSpan implements TraceSpan {
  constructor(private readonly span: Span) {}

  setAttributes(attributes: SpanAttributes): void {
    this.span.setAttributes(defined(attributes));
  }

  rename(name: string): void {
    this.span.updateName(name);
  }

  fail(code: string): void {
    // The code, not the message or stack: a message may quote what the user sent.
    this.span.setAttribute('error.type', code);
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  }

  end(): void {
    this.span.end();
  }
}

/** A thrown error's stable code (domain errors, Node's system errors) or else its class name. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[\w.-]{1,64}$/.test(code)) return code;
  return err instanceof Error ? err.constructor.name : 'unknown';
}

function defined(attributes: SpanAttributes | undefined): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) if (value !== undefined) out[key] = value;
  return out;
}
