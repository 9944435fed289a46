import type { Metrics } from '../observability/metrics';
import { JobBusyError, type JobHandler, type JobRunner } from '../ports/job-runner.port';

/**
 * Times and counts every job handler this process runs (soullink_job_duration_seconds,
 * soullink_jobs_total), whichever runner carries the jobs, and lets /metrics read the queue's
 * depth. Everything else passes through unchanged.
 */
export class MeteredJobRunner implements JobRunner {
  constructor(
    private readonly inner: JobRunner,
    private readonly metrics: Metrics,
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
        await handler(payload);
        this.metrics.jobs.inc({ job: name, outcome: 'ok' });
      } catch (err) {
        this.metrics.jobs.inc({ job: name, outcome: err instanceof JobBusyError ? 'busy' : 'error' });
        throw err;
      } finally {
        end();
      }
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
