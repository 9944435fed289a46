import { createLogger } from '../observability/logger';
import { InProcessJobRunner } from './in-process-job-runner';

describe('InProcessJobRunner', () => {
  it('When a job id is enqueued again, Then it is ignored; with replaceFinished, only while the first is still pending', async () => {
    const runner = new InProcessJobRunner(createLogger('silent'));
    const runs: string[] = [];
    let finishFirst!: () => void;
    const first = new Promise<void>((resolve) => (finishFirst = resolve));
    runner.register('sweep', async (payload) => {
      runs.push(String(payload.n));
      if (payload.n === 1) await first;
    });
    await runner.startConsuming();
    await runner.enqueue('sweep', { n: 1 }, { jobId: 'run-1-sweep', replaceFinished: true });
    await new Promise((r) => setTimeout(r, 10));
    // Still running: a copy of it is not added.
    await runner.enqueue('sweep', { n: 2 }, { jobId: 'run-1-sweep', replaceFinished: true });
    finishFirst();
    await new Promise((r) => setTimeout(r, 10));
    // Finished: a plain enqueue is still ignored, one that replaces finished jobs runs.
    await runner.enqueue('sweep', { n: 3 }, { jobId: 'run-1-sweep' });
    await runner.enqueue('sweep', { n: 4 }, { jobId: 'run-1-sweep', replaceFinished: true });
    await new Promise((r) => setTimeout(r, 10));
    await runner.close();
    expect(runs).toEqual(['1', '4']);
  });
});
