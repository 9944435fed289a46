import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StudyComputationInput, StudyComputationOutput, StudyProgress } from '../domain/studies/compute-study';
import type { StudyThreadMessage } from './study-thread.worker';

/** A study the kernel refused (too few rows, one outcome class…): deterministic, so not worth a retry. */
export class StudyComputationError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly where: { table?: unknown; line?: unknown; column?: unknown } = {},
  ) {
    super(message);
    this.name = 'StudyComputationError';
  }
}

/*
 * The thread loads the worker module by path. The built app has study-thread.worker.js beside
 * this file; run from TypeScript sources (the test suites) it has the .ts, which a thread cannot
 * load on its own, so the bootstrap compiles it with @swc/core (a dev dependency, present
 * exactly when the sources are) the way the test runner does.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) {
  const { readFileSync } = require('node:fs');
  const swc = require(workerData.swc);
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}
require(workerData.entry).serveStudyThread();
`;

/**
 * Runs computeStudy in a worker thread: a long study neither blocks this process's event loop
 * (websockets, job-lock renewal) nor hides its progress until the end. Resolves with the
 * output; rejects with StudyComputationError when the computation failed, or the thread's
 * own error when it could not run.
 */
export function computeStudyInThread(input: StudyComputationInput, onProgress: (p: StudyProgress) => void): Promise<StudyComputationOutput> {
  const ext = extname(__filename);
  const entry = join(__dirname, `study-thread.worker${ext}`);
  const swc = ext === '.ts' ? require.resolve('@swc/core') : null;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry, swc, input } });
    worker.on('message', (message: StudyThreadMessage) => {
      if (message.type === 'progress') {
        onProgress({ stage: message.stage, fraction: message.fraction });
        return;
      }
      settled = true;
      // The answer is in; the thread has nothing left to do.
      void worker.terminate();
      if (message.type === 'done') resolve(message.output as StudyComputationOutput);
      else {
        const { name, message: text, ...where } = message.error;
        reject(new StudyComputationError(text, name, where));
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`study thread exited with code ${code} before answering`));
      settled = true;
    });
  });
}
