import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ValidationError } from '../kernel/errors';
import { inMemoryTracing } from './fixtures/in-memory-tracing';
import { NoopTracer } from './noop-tracer';
import { tracerFromConfig } from './tracer-from-config';

describe('OtelTracer', () => {
  it('When a span is opened inside another, Then it is exported as its child, with the service name and only the attributes that have values', async () => {
    const t = inMemoryTracing();
    await t.tracer.inSpan('outer', { kind: 'server', attributes: { 'a.set': 'yes', 'a.unset': undefined } }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      await t.tracer.inSpan('inner', {}, async (span) => span.setAttributes({ 'n.tokens': 12 }));
    });
    const [outer] = t.named('outer');
    const [inner] = t.named('inner');
    expect(outer!.kind).toBe(SpanKind.SERVER);
    expect(outer!.attributes).toEqual({ 'a.set': 'yes' });
    expect(outer!.resource.attributes['service.name']).toBe('soullink-test');
    expect(inner!.parentSpanContext?.spanId).toBe(outer!.spanContext().spanId);
    expect(inner!.spanContext().traceId).toBe(outer!.spanContext().traceId);
    expect(inner!.attributes).toEqual({ 'n.tokens': 12 });
  });

  it('When the work throws, Then the span fails with the error’s code only, never its message, and the error still reaches the caller', async () => {
    const t = inMemoryTracing();
    const error = new ValidationError('input.text', 'input.text: "my secret diary line" is too long');
    await expect(t.tracer.inSpan('failing', {}, async () => Promise.reject(error))).rejects.toBe(error);
    await expect(t.tracer.inSpan('crashing', {}, async () => Promise.reject(new TypeError('boom: my secret')))).rejects.toThrow(TypeError);
    expect(t.named('failing')[0]!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'VALIDATION_FAILED' });
    expect(t.named('failing')[0]!.attributes['error.type']).toBe('VALIDATION_FAILED');
    expect(t.named('crashing')[0]!.attributes['error.type']).toBe('TypeError');
    expect(t.exported()).not.toContain('secret');
    expect(t.spans().every((s) => s.events.length === 0)).toBe(true);
  });

  it('When tracing is off (the default), Then the tracer is a no-op that still runs the work', async () => {
    const tracer = tracerFromConfig({ exporter: 'none', endpoint: 'http://localhost:4318', serviceName: 'soullink' });
    expect(tracer).toBeInstanceOf(NoopTracer);
    expect(tracer.enabled).toBe(false);
    expect(await tracer.inSpan('x', {}, async (span) => (span.setAttributes({ a: 1 }), span.fail('X'), 42))).toBe(42);
    await tracer.close();
  });

  it('When OTLP is chosen, Then an enabled tracer is built and closes without a collector running', async () => {
    const tracer = tracerFromConfig({ exporter: 'otlp', endpoint: 'http://127.0.0.1:9', serviceName: 'soullink' });
    expect(tracer.enabled).toBe(true);
    await tracer.close();
  });
});
