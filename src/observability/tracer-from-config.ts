import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { Config } from '../config/config';
import type { Tracer } from '../ports/tracer.port';
import { NoopTracer } from './noop-tracer';
import { OtelTracer } from './otel-tracer';

/**
 * The tracer OTEL_TRACES_EXPORTER asks for: none (no SDK started), OTLP over HTTP (batched,
 * so a slow collector never holds a request), or the console (each span printed as it ends).
 */
export function tracerFromConfig(tracing: Config['tracing']): Tracer {
  if (tracing.exporter === 'none') return new NoopTracer();
  return new OtelTracer(tracerProvider(tracing.serviceName, tracing.exporter === 'otlp'
    ? new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', withSlash(tracing.endpoint)).toString() }))
    : new SimpleSpanProcessor(new ConsoleSpanExporter())));
}

/** An SDK provider naming this service, exporting through `processor` (tests pass an in-memory one). */
export function tracerProvider(serviceName: string, processor: SpanProcessor): NodeTracerProvider {
  return new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors: [processor] });
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
