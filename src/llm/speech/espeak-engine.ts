import { ModuleWorker } from '../../platform/module-worker';
import type { EspeakVoiceChoice } from './espeak-voice';

/** Synthesised speech: 16-bit mono samples, and the eSpeak voice that spoke them. */
export interface EspeakAudio {
  samples: Int16Array;
  sampleRate: number;
  voice: string;
}


/*
 * The thread's body, plain JavaScript so it runs the same from the built app and from the
 * TypeScript sources under the test runner. @echogarden/espeak-ng-emscripten is ESM-only:
 * imported by URL. The WASM module and its voice data (24 MB) load on the first request and
 * stay; a failed load is retried on the next one.
 *
 * eSpeak is one synthesiser with global state (voice, rate) and is not re-entrant, so requests
 * run strictly one after another through `queue`; each one sets its own voice and rate. The
 * worker parses its input as SSML, so the caller escapes the text.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
let engine;
let queue = Promise.resolve();
async function load() {
  const { default: init } = await import(workerData.moduleUrl);
  const module = await init();
  return new module.eSpeakNGWorker();
}
function speak(worker, { text, voices, wordsPerMinute }) {
  const voice = voices.find((v) => worker.set_voice(v) === 0);
  if (!voice) throw new Error('eSpeak knows none of the voices ' + voices.join(', '));
  worker.set_rate(wordsPerMinute);
  const chunks = [];
  let length = 0;
  worker.synthesize(text, (samples) => {
    if (samples && samples.length > 0) { chunks.push(samples); length += samples.length; }
    return false; // true would cancel the synthesis
  });
  const all = new Int16Array(length);
  let at = 0;
  for (const chunk of chunks) { all.set(chunk, at); at += chunk.length; }
  return { samples: all, sampleRate: worker.get_samplerate(), voice };
}
parentPort.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      engine ??= load().catch((err) => { engine = undefined; throw err; });
      const out = speak(await engine, request);
      parentPort.postMessage({ id: request.id, ...out }, [out.samples.buffer]);
    } catch (err) {
      parentPort.postMessage({ id: request.id, error: String((err && err.message) || err) });
    }
  });
});
`;

/**
 * eSpeak NG (the Emscripten build Echogarden uses) in a worker thread of its own (see
 * ModuleWorker): synthesis is synchronous WASM work, about half a second of CPU for a
 * sentence. Nothing happens until the first `synthesize`: then the thread starts and loads the
 * module once.
 */
export class EspeakEngine {
  private readonly worker = new ModuleWorker<{ text: string; voices: readonly string[]; wordsPerMinute: number }, EspeakAudio>(
    THREAD,
    '@echogarden/espeak-ng-emscripten',
    'eSpeak',
  );

  /** `text` is SSML-escaped already (the worker reads markup). */
  async synthesize(text: string, choice: EspeakVoiceChoice): Promise<EspeakAudio> {
    const { samples, sampleRate, voice } = await this.worker.call({ text, voices: choice.voices, wordsPerMinute: choice.wordsPerMinute });
    return { samples, sampleRate, voice };
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
