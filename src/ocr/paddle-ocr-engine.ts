import { ModuleWorker } from '../platform/module-worker';
import type { OcrEngine, OcrLine } from '../ports/ocr-engine.port';

interface RawLine {
  text: string;
  mean: number;
  box?: number[][];
}

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
  private readonly worker = new ModuleWorker<{ image: Uint8Array }, { lines: RawLine[] }>(THREAD, '@gutenye/ocr-node', 'OCR');

  async readLines(image: Buffer): Promise<OcrLine[]> {
    const { lines: raw } = await this.worker.call({ image: new Uint8Array(image) });
    return raw
      .filter((l) => l.box && l.box.length > 0 && l.text.trim() !== '')
      .map((l): OcrLine => {
        const xs = l.box!.map((p) => p[0]!);
        const ys = l.box!.map((p) => p[1]!);
        return { text: l.text.trim(), confidence: l.mean, box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) } };
      })
      .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
