import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OcrEngine, OcrLine } from '../ports/ocr-engine.port';

interface RawLine {
  text: string;
  mean: number;
  box?: number[][];
}
type Reply = { id: number; lines: RawLine[] } | { id: number; error: string };

/*
 * The thread's body, plain JavaScript so it runs the same from the built app and from the
 * TypeScript sources under the test runner. @gutenye/ocr-node is ESM-only: imported by URL.
 * The model is created on the first image and kept; a failed creation is retried next time.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
let engine;
parentPort.on('message', async ({ id, image }) => {
  try {
    engine ??= import(workerData.moduleUrl).then((m) => m.default.create());
    const lines = await (await engine).detect(Buffer.from(image));
    parentPort.postMessage({ id, lines: lines.map((l) => ({ text: l.text, mean: l.mean, box: l.box })) });
  } catch (err) {
    engine = undefined;
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

/**
 * Offline OCR with PaddleOCR v4 (Chinese and English) through @gutenye/ocr-node on the ONNX
 * runtime's CPU build, in a worker thread of its own: reading an image takes about half a
 * second of CPU, which must not stall this process's requests and websockets. The thread
 * starts on the first image and loads the model once (about a second); images are read one
 * at a time, in order.
 */
export class PaddleOcrEngine implements OcrEngine {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (lines: RawLine[]) => void; reject: (err: Error) => void }>();

  async readLines(image: Buffer): Promise<OcrLine[]> {
    const worker = this.thread();
    const id = ++this.nextId;
    const raw = await new Promise<RawLine[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, image: new Uint8Array(image) });
    });
    return raw
      .filter((l) => l.box && l.box.length > 0 && l.text.trim() !== '')
      .map((l): OcrLine => {
        const xs = l.box!.map((p) => p[0]!);
        const ys = l.box!.map((p) => p[1]!);
        return { text: l.text.trim(), confidence: l.mean, box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) } };
      })
      .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const moduleUrl = pathToFileURL(require.resolve('@gutenye/ocr-node')).href;
    const worker = new Worker(THREAD, { eval: true, workerData: { moduleUrl } });
    // An idle OCR thread must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`OCR failed: ${reply.error}`));
      else waiting.resolve(reply.lines);
    });
    const failAll = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`OCR thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
