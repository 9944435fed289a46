import type { Metrics } from '../observability/metrics';
import { NoopTracer } from '../observability/noop-tracer';
import { JobBusyError, type JobHandler, type JobRunner } from '../ports/job-runner.port';
import type { Tracer } from '../ports/tracer.port';

/**
 * Times and counts every job handler this process runs (soullink_job_duration_seconds,
 * soullink_jobs_total) and traces each run as a `job <name>` span (name and outcome, never
 * the payload), whichever runner carries the jobs, and lets /metrics read the queue's depth.
 * Everything else passes through unchanged.
 */
export class MeteredJobRunner implements JobRunner {
  constructor(
    private readonly inner: JobRunner,
    private readonly metrics: Metrics,
    private readonly tracer: Tracer = new NoopTracer(),
    queueName = 'soullink',
  ) {
    if (inner.counts) metrics.watchQueue(queueName, () => inner.counts!());
  }

  get mode(): JobRunner['mode'] {
    return this.inner.mode;
  }

  register(name: string, handler: JobHandler): void {
    this.inner.register(name, async (payload) => {
      const end = this.metrics.jobDuration.startTimer({ job: name });
      try {
        const busy = await this.traced(name, () => handler(payload));
        if (busy) throw busy;
        this.metrics.jobs.inc({ job: name, outcome: 'ok' });
      } catch (err) {
        this.metrics.jobs.inc({ job: name, outcome: err instanceof JobBusyError ? 'busy' : 'error' });
        throw err;
      } finally {
        end();
      }
    });
  }

  /**
   * Runs a handler in a `job <name>` span (model calls inside become its children). A busy
   * job is handed back rather than thrown in the span: it is not a failure, it runs again later.
   */
  private traced(name: string, run: () => Promise<void>): Promise<JobBusyError | undefined> {
    return this.tracer.inSpan(`job ${name}`, { kind: 'consumer', attributes: { 'soullink.job.name': name } }, async (span) => {
      try {
        await run();
      } catch (err) {
        if (!(err instanceof JobBusyError)) {
          span.setAttributes({ 'soullink.job.outcome': 'error' });
          throw err;
        }
        span.setAttributes({ 'soullink.job.outcome': 'busy' });
        return err;
      }
      span.setAttributes({ 'soullink.job.outcome': 'ok' });
      return undefined;
    });
  }

  enqueue(...args: Parameters<JobRunner['enqueue']>): Promise<void> {
    return this.inner.enqueue(...args);
  }

  forgetJobs(fragments: string[]): Promise<number> {
    return this.inner.forgetJobs(fragments);
  }

  counts(): Promise<Record<string, number> | undefined> {
    return this.inner.counts ? this.inner.counts() : Promise.resolve(undefined);
  }

  schedule(name: string, everyMs: number): Promise<void> {
    return this.inner.schedule(name, everyMs);
  }

  startConsuming(): Promise<void> {
    return this.inner.startConsuming();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
