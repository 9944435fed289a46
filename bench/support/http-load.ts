import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './timing';

/** One closed-loop load phase: `total` POSTs of `body`, `concurrency` in flight. */
export interface HttpLoadJob {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  total: number;
}

export interface HttpLoadReply {
  latencies: number[];
  seconds: number;
  failures: number;
  firstFailure?: string;
}

/**
 * An HTTP load generator on its own thread, so that client work (building requests,
 * parsing responses, timing) never shares the event loop of the server under test, which
 * runs in the benchmark's main thread. Phases run one at a time.
 */
export class HttpLoadGenerator {
  private readonly worker = new Worker(join(__dirname, 'http-load-worker.js'));

  async run(job: HttpLoadJob): Promise<LoadResult> {
    this.worker.postMessage(job);
    const [reply] = (await once(this.worker, 'message')) as [HttpLoadReply];
    if (reply.failures > 0) throw new Error(`${reply.failures} of ${job.total} requests to ${job.url} failed; first: ${reply.firstFailure}`);
    return { latencies: reply.latencies, seconds: reply.seconds, requests: job.total, throughputPerSec: job.total / reply.seconds };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
