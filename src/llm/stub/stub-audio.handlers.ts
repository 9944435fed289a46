import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OpenAiHttpError } from '../openai-compat/openai-error';
import type { RouteContext } from '../openai-compat/http-router';
import { sendJson } from '../openai-compat/http-router';
import { parseRequestBody } from '../openai-compat/request-validation';
import { encodeWav, wavDurationSeconds } from '../speech/wav';
import type { StubState } from './stub-state';

export const TRANSCRIPTIONS_PATH = '/v1/audio/transcriptions';
export const SPEECH_PATH = '/v1/audio/speech';

/** A stub "recording" may carry what it says after this marker (tests write it into the audio). */
export const STUB_SPEECH_MARKER = 'SOULLINK-STUB-SAYS:';
const MAX_AUDIO_BYTES = 26 * 1024 * 1024;

/**
 * POST /v1/audio/transcriptions (multipart: file, model, optional language, response_format):
 * deterministic. The transcript is the text after STUB_SPEECH_MARKER in the file when there is
 * one, else a description of the bytes; the duration is the WAV's own, else bytes ÷ 16 000.
 */
export async function handleStubTranscription(ctx: RouteContext, state: StubState): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_AUDIO_BYTES) throw new OpenAiHttpError(413, 'Audio file too large', 'request_too_large');
    chunks.push(chunk as Buffer);
  }
  let form: FormData;
  try {
    form = await new Request('http://stub.local/', { method: 'POST', headers: { 'content-type': String(ctx.req.headers['content-type'] ?? '') }, body: Buffer.concat(chunks) }).formData();
  } catch {
    throw new OpenAiHttpError(400, 'Expected multipart/form-data with a file', 'invalid_request_error');
  }
  const file = form.get('file');
  const model = String(form.get('model') ?? '');
  if (!(file instanceof Blob) || !model) throw new OpenAiHttpError(400, 'file and model are required', 'invalid_request_error');
  state.log.record(TRANSCRIPTIONS_PATH, model, { model, language: form.get('language'), response_format: form.get('response_format'), bytes: file.size });
  const audio = Buffer.from(await file.arrayBuffer());
  const marker = audio.indexOf(STUB_SPEECH_MARKER);
  const text =
    marker >= 0
      ? audio.subarray(marker + STUB_SPEECH_MARKER.length, audio.indexOf(0, marker) < 0 ? undefined : audio.indexOf(0, marker)).toString('utf8').trim()
      : `stub transcript of ${audio.length} bytes (sha256 ${createHash('sha256').update(audio).digest('hex').slice(0, 8)})`;
  const duration = wavDurationSeconds(audio) ?? audio.length / 16_000;
  if (form.get('response_format') === 'text') {
    ctx.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    return;
  }
  sendJson(ctx.res, 200, { text, language: String(form.get('language') ?? 'en'), duration: Math.round(duration * 1000) / 1000 });
}

const speechRequest = z.looseObject({
  model: z.string().min(1),
  input: z.string().min(1).max(4096),
  voice: z.string().min(1),
  speed: z.number().min(0.25).max(4).nullish(),
  response_format: z.string().nullish(),
});

/**
 * POST /v1/audio/speech: a WAV of a tone whose pitch is set by the voice and whose length by
 * the words (0.3 s a word, over the speed): deterministic, and playable.
 */
export async function handleStubSpeech(ctx: RouteContext, state: StubState): Promise<void> {
  const request = parseRequestBody(speechRequest, ctx.body);
  state.log.record(SPEECH_PATH, request.model, ctx.body);
  if (request.response_format && !['wav', 'pcm'].includes(request.response_format)) {
    throw new OpenAiHttpError(400, 'The stub speaks WAV only (response_format: "wav")', 'invalid_request_error');
  }
  const words = Math.max(1, request.input.trim().split(/\s+/u).length + (request.input.match(/\p{Script=Han}/gu)?.length ?? 0) / 2);
  const seconds = Math.max(0.5, (words * 0.3) / (request.speed ?? 1));
  const sampleRate = 16_000;
  const pitch = 140 + (createHash('sha256').update(request.voice).digest()[0]! % 120);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.2 * Math.sin((2 * Math.PI * pitch * i) / sampleRate);
  const wav = encodeWav(samples, sampleRate);
  ctx.res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length }).end(wav);
}
