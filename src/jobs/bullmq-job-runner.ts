import { DelayedError, Queue, Worker } from 'bullmq';
import type { Logger } from '../observability/logger';
import { withTimeout } from '../stores/shared/with-timeout';
import { JobBusyError, type EnqueueOptions, type JobHandler, type JobRunner } from '../ports/job-runner.port';

const QUEUE = 'soullink';

/**
 * Jobs on BullMQ: durable in Redis, retried with backoff, consumed by any `soullink worker`.
 * BullMQ needs its own connections with `maxRetriesPerRequest: null` (blocking commands).
 */
export class BullmqJobRunner implements JobRunner {
  readonly mode = 'bullmq' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(
    private readonly redisUrl: string,
    private readonly logger: Logger,
    private readonly options: { concurrency: number; lockMs: number },
  ) {
    this.queue = new Queue(QUEUE, { connection: { url: redisUrl, maxRetriesPerRequest: null } });
    this.queue.on('error', (err) => logger.warn({ component: 'bullmq', err: err.message }, 'queue error'));
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
    if (options.jobId && options.replaceFinished) {
      // BullMQ ignores an add whose id it still holds, finished jobs included (kept for a week when failed).
      const existing = await this.queue.getJob(options.jobId);
      const state = existing ? await existing.getState() : undefined;
      if (state === 'completed' || state === 'failed') await existing!.remove();
    }
    await this.queue.add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  async forgetJobs(fragments: string[]): Promise<number> {
    if (fragments.length === 0) return 0;
    // Retention keeps at most 1,000 finished jobs and a week of failed ones: a bounded scan.
    const jobs = await this.queue.getJobs(['completed', 'failed', 'delayed', 'wait', 'prioritized']);
    let removed = 0;
    for (const job of jobs) {
      if (job?.id && fragments.some((f) => job.id!.includes(f))) {
        await job.remove();
        removed += 1;
      }
    }
    return removed;
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
  }

  async schedule(name: string, everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(name, { every: everyMs }, { name, data: {} });
  }

  async startConsuming(): Promise<void> {
    this.worker = new Worker(
      QUEUE,
      async (job, token) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler registered for job ${job.name}`);
        try {
          await handler(job.data as Record<string, unknown>);
        } catch (err) {
          if (!(err instanceof JobBusyError)) throw err;
          // Returning would mark the job completed while another worker runs the work; if that
          // worker then died, nothing would be left to resume it. Deliver it again later instead.
          this.logger.info({ job: job.name, jobId: job.id, retryInMs: err.retryInMs }, 'job busy elsewhere; delivering it again later');
          await job.moveToDelayed(Date.now() + err.retryInMs, token);
          throw new DelayedError();
        }
      },
      {
        connection: { url: this.redisUrl, maxRetriesPerRequest: null },
        concurrency: this.options.concurrency,
        // A dead worker's lock lapses after lockMs; the stalled check then hands its job on.
        lockDuration: this.options.lockMs,
        stalledInterval: this.options.lockMs,
      },
    );
    this.worker.on('failed', (job, err) => this.logger.error({ job: job?.name, jobId: job?.id, err }, 'job failed'));
    this.worker.on('error', (err) => this.logger.warn({ component: 'bullmq', err: err.message }, 'worker error'));
  }

  /** Lets running jobs finish; when Redis is unreachable, BullMQ's close would wait for it forever. */
  async close(): Promise<void> {
    try {
      await withTimeout(Promise.all([this.worker?.close(), this.queue.close()]), 5000);
    } catch (err) {
      this.logger.warn({ component: 'bullmq', err: (err as Error).message }, 'closing without Redis; disconnecting');
      await Promise.all([this.worker?.disconnect(), this.queue.disconnect()]);
    }
  }
}
