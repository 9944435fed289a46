import { pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** What a module worker's thread answers: the result under the request's id, or its error. */
type Reply<R> = ({ id: number } & R) | { id: number; error: string };

/**
 * A worker thread that runs an ESM-only npm package (OCR, speech synthesis: synchronous
 * WASM or native work of half a second a call, which must not stall this process's requests
 * and websockets) behind request/reply messages. `thread` is the thread's body as plain
 * JavaScript (so it runs the same from the built app and from the TypeScript sources under the
 * test runner); it gets the package's entry as `workerData.moduleUrl` and answers each
 * `{ id, …request }` with `{ id, …result }` or `{ id, error }`. Nothing starts until the first
 * call; an idle thread does not keep the process alive; a thread that dies fails the calls
 * waiting on it, and the next call starts a new one.
 */
export class ModuleWorker<Request extends object, Result extends object> {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (err: Error) => void }>();

  constructor(
    private readonly thread: string,
    /** The package the thread imports, resolved from here. */
    private readonly packageName: string,
    /** Names the work in errors ("OCR", "eSpeak"). */
    private readonly label: string,
  ) {}

  call(request: Request, transfer: readonly TransferListItem[] = []): Promise<Result> {
    const worker = this.started();
    const id = ++this.nextId;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...request }, [...transfer]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const moduleUrl = pathToFileURL(require.resolve(this.packageName)).href;
    const worker = new Worker(this.thread, { eval: true, workerData: { moduleUrl } });
    worker.unref();
    worker.on('message', (reply: Reply<Result>) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`${this.label} failed: ${reply.error}`));
      else waiting.resolve(reply);
    });
    const failAll = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`${this.label} thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
