/**
 * Thrown by a handler that cannot run its job now because another process is running the
 * same work (a queue that handed the job out twice): the runner delivers the job again after
 * `retryInMs`, without spending an attempt and without marking it complete, so the work is
 * never dropped if that other process dies.
 */
export class JobBusyError extends Error {
  override readonly name = 'JobBusyError';
  constructor(
    readonly retryInMs: number,
    message = 'the job is being run elsewhere',
  ) {
    super(message);
  }
}

export interface EnqueueOptions {
  jobId?: string;
  delayMs?: number;
  replaceFinished?: boolean;
}

/** A background job handler; it must be idempotent (jobs are retried and may run twice). */
export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Background jobs: BullMQ on Redis in production (any worker process picks them up),
 * an in-process runner on embedded defaults.
 */
export interface JobRunner {
  readonly mode: 'bullmq' | 'in-process';
  /** Registers what runs a job of this name (in processes that consume). */
  register(name: string, handler: JobHandler): void;
  /**
   * `jobId` makes enqueueing idempotent; letters, digits, '-' and '_' only (BullMQ rejects ':').
   * With `replaceFinished`, a job of that id that has finished (completed, or failed for good)
   * no longer counts and a new one is queued; one waiting, delayed or running still does.
   */
  enqueue(name: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
  /** Erasure: removes finished, failed and waiting jobs whose id contains any of `fragments` (user, run or chat ids). */
  forgetJobs(fragments: string[]): Promise<number>;
  /** Runs `name` every `everyMs`, once across all workers. */
  schedule(name: string, everyMs: number): Promise<void>;
  /** Jobs in the queue by state (waiting, active, delayed, failed), for metrics; undefined where there is no shared queue. */
  counts?(): Promise<Record<string, number> | undefined>;
  /** Starts consuming (worker processes only; the API process only enqueues). */
  startConsuming(): Promise<void>;
  close(): Promise<void>;
}
