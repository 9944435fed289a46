import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { createLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import { inMemoryTracing } from '../observability/fixtures/in-memory-tracing';
import { JobBusyError } from '../ports/job-runner.port';
import { InProcessJobRunner } from './in-process-job-runner';
import { MeteredJobRunner } from './metered-job-runner';

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('MeteredJobRunner tracing', () => {
  it('When jobs run, Then each run is a consumer span named for the job with its outcome, a busy one not failed, and no payload', async () => {
    const t = inMemoryTracing();
    const runner = new MeteredJobRunner(new InProcessJobRunner(createLogger('silent')), new Metrics({ defaultMetrics: false }), t.tracer);
    let busyOnce = true;
    runner.register('tidy', async () => {
      await t.tracer.inSpan('llm chat', {}, async () => undefined);
    });
    runner.register('contended', async () => {
      if (busyOnce) {
        busyOnce = false;
        throw new JobBusyError(10);
      }
    });
    runner.register('broken', async () => {
      throw new Error('cannot summarise "my private chat"');
    });
    await runner.enqueue('tidy', { note: 'private payload' });
    await runner.enqueue('contended', {});
    await eventually(() => t.named('job tidy').length === 1 && t.named('job contended').length === 2);

    const [tidy] = t.named('job tidy');
    expect(tidy!.kind).toBe(SpanKind.CONSUMER);
    expect(tidy!.attributes).toEqual({ 'soullink.job.name': 'tidy', 'soullink.job.outcome': 'ok' });
    expect(t.named('llm chat')[0]!.parentSpanContext?.spanId).toBe(tidy!.spanContext().spanId);
    expect(t.named('job contended').map((s) => [s.attributes['soullink.job.outcome'], s.status.code])).toEqual([
      ['busy', SpanStatusCode.UNSET],
      ['ok', SpanStatusCode.UNSET],
    ]);

    await runner.enqueue('broken', {});
    await eventually(() => t.named('job broken').length >= 1);
    expect(t.named('job broken')[0]!.attributes).toMatchObject({ 'soullink.job.outcome': 'error', 'error.type': 'Error' });
    expect(t.named('job broken')[0]!.status.code).toBe(SpanStatusCode.ERROR);
    await runner.close();
    expect(t.exported()).not.toMatch(/private/);
  });
});
