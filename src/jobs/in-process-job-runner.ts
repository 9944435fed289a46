import type { Logger } from '../observability/logger';
import { JobBusyError, type EnqueueOptions, type JobHandler, type JobRunner } from '../ports/job-runner.port';

/**
 * Jobs in the current process (the embedded default): enqueued jobs run on the next tick
 * with up to 3 attempts; schedules use timers. Jobs pending at shutdown are awaited.
 */
export class InProcessJobRunner implements JobRunner {
  readonly mode = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly seenJobIds = new Set<string>();
  /** Ids of jobs queued or running (not finished): what `replaceFinished` still deduplicates. */
  private readonly pendingJobIds = new Set<string>();
  private consuming = false;

  constructor(private readonly logger: Logger) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
    const { jobId } = options;
    if (jobId) {
      // Same rule as BullMQ, so a bad id fails in development too.
      if (jobId.includes(':')) throw new Error(`job id "${jobId}" must not contain ':'`);
      if (this.seenJobIds.has(jobId) && !(options.replaceFinished && !this.pendingJobIds.has(jobId))) return;
      this.seenJobIds.add(jobId);
      this.pendingJobIds.add(jobId);
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.run(name, payload).finally(() => jobId && this.pendingJobIds.delete(jobId)));
    }, options.delayMs ?? 0);
    this.timers.add(timer);
  }

  async forgetJobs(fragments: string[]): Promise<number> {
    // Only ids are remembered here (for idempotent enqueueing), and only in this process.
    let removed = 0;
    for (const id of [...this.seenJobIds]) {
      if (fragments.some((f) => id.includes(f))) {
        this.seenJobIds.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  async schedule(name: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => {
      if (this.consuming) this.track(this.run(name, {}));
    }, everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  async startConsuming(): Promise<void> {
    this.consuming = true;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private enqueueLater(name: string, payload: Record<string, unknown>, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.run(name, payload));
    }, delayMs);
    this.timers.add(timer);
  }

  private track(job: Promise<void>): void {
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
  }

  private async run(name: string, payload: Record<string, unknown>): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) {
      this.logger.error({ job: name }, 'no handler registered for job');
      return;
    }
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await handler(payload);
        return;
      } catch (err) {
        if (err instanceof JobBusyError) {
          // Run elsewhere right now (another process sharing the database): try again later, not as a failure.
          this.enqueueLater(name, payload, err.retryInMs);
          return;
        }
        this.logger.error({ job: name, attempt, err }, 'job failed');
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }
}
