import { parentPort, workerData } from 'node:worker_threads';
import { computeStudy, type StudyComputationInput } from '../domain/studies/compute-study';

/** What the study thread posts to its parent. */
export type StudyThreadMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; output: unknown }
  | { type: 'error'; error: { name: string; message: string; table?: unknown; line?: unknown; column?: unknown } };

/**
 * The body of a study worker thread (started by study-thread.ts, which calls this after
 * loading the module): computes the study from `workerData.input` and posts progress, then
 * the output or the error.
 */
export function serveStudyThread(): void {
  const port = parentPort;
  if (!port) throw new Error('serveStudyThread runs inside a worker thread');
  const input = (workerData as { input: StudyComputationInput }).input;
  try {
    const output = computeStudy(input, (p) => port.postMessage({ type: 'progress', stage: p.stage, fraction: p.fraction } satisfies StudyThreadMessage));
    port.postMessage({ type: 'done', output } satisfies StudyThreadMessage);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const where = e as Error & { table?: unknown; line?: unknown; column?: unknown };
    port.postMessage({ type: 'error', error: { name: e.name, message: e.message, table: where.table, line: where.line, column: where.column } } satisfies StudyThreadMessage);
  }
}
