import { DomainError } from '../../kernel/errors';
import type { Logger } from '../../observability/logger';
import type { SpeechProvider, SpokenAudio, Transcript, VoiceSettings } from '../../ports/speech.port';
import type { ModelRef } from '../llm-settings';
import type { CallTag } from '../../ports/model-provider.port';
import type { UsageLedger } from '../../ports/usage-ledger.port';
import type { UsageOutcome } from '../usage/usage-record.entity';
import { wavDurationSeconds } from './wav';

const EXTENSION: Record<string, string> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

/**
 * SpeechProvider on OpenAI-compatible audio endpoints. Transcription asks for `verbose_json`
 * (it carries the recording's duration); speech asks for WAV, whose header gives the length.
 * Each call, answered or failed, is a `voice` row in the usage ledger with its seconds.
 */
export class OpenAiSpeechProvider implements SpeechProvider {
  constructor(
    private readonly deps: {
      transcription?: ModelRef;
      speech?: ModelRef;
      ledger: UsageLedger;
      logger: Logger;
      timeoutMs: number;
    },
  ) {}

  get canTranscribe(): boolean {
    return Boolean(this.deps.transcription);
  }

  get canSpeak(): boolean {
    return Boolean(this.deps.speech);
  }

  async transcribe(audio: Buffer, contentType: string, options: { language?: string; tag: CallTag }): Promise<Transcript> {
    const ref = this.deps.transcription;
    if (!ref) throw new DomainError('SPEECH_TO_TEXT_NOT_CONFIGURED', 'No speech-to-text model is configured (set LLM_TRANSCRIPTION_MODEL)');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(audio)], { type: contentType }), `audio.${EXTENSION[contentType] ?? 'bin'}`);
    form.append('model', ref.model);
    form.append('response_format', 'verbose_json');
    if (options.language) form.append('language', options.language);
    const body = await this.call(ref, '/audio/transcriptions', { body: form }, options.tag, 0);
    const parsed = JSON.parse(body.toString('utf8')) as { text?: unknown; duration?: unknown };
    const seconds = typeof parsed.duration === 'number' ? parsed.duration : (wavDurationSeconds(audio) ?? 0);
    await this.record(ref, options.tag, seconds, 0, 'ok');
    return { text: String(parsed.text ?? '').trim(), seconds, model: ref.model };
  }

  async speak(text: string, voice: VoiceSettings, tag: CallTag): Promise<SpokenAudio> {
    const ref = this.deps.speech;
    if (!ref) throw new DomainError('TEXT_TO_SPEECH_NOT_CONFIGURED', 'No text-to-speech model is configured (set LLM_SPEECH_MODEL)');
    const audio = await this.call(
      ref,
      '/audio/speech',
      { body: JSON.stringify({ model: ref.model, input: text, voice: voice.voice, speed: voice.speed, response_format: 'wav' }), headers: { 'content-type': 'application/json' } },
      tag,
      0,
    );
    const seconds = wavDurationSeconds(audio);
    if (seconds === null) throw new DomainError('AI_SERVICE_UNAVAILABLE', 'The speech endpoint did not answer with WAV audio', { retryable: false });
    await this.record(ref, tag, seconds, 0, 'ok');
    return { audio, contentType: 'audio/wav', seconds, model: ref.model };
  }

  private async call(ref: ModelRef, path: string, init: { body: FormData | string; headers?: Record<string, string> }, tag: CallTag, seconds: number): Promise<Buffer> {
    const baseUrl = typeof ref.endpoint.baseUrl === 'string' ? ref.endpoint.baseUrl : await ref.endpoint.baseUrl();
    const started = performance.now();
    try {
      const res = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ref.endpoint.apiKey}`, ...init.headers },
        body: init.body,
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return body;
    } catch (err) {
      this.deps.logger.warn({ model: ref.model, path, reason: (err as Error).message.slice(0, 200) }, 'speech call failed');
      await this.record(ref, tag, seconds, performance.now() - started, 'error');
      throw new DomainError('AI_SERVICE_UNAVAILABLE', 'The speech service is unavailable; try again shortly', { retryable: true });
    }
  }

  private record(ref: ModelRef, tag: CallTag, seconds: number, latencyMs: number, outcome: UsageOutcome): Promise<void> {
    return this.deps.ledger.record({ tag, tier: 'voice', model: ref.model, promptTokens: 0, completionTokens: 0, latencyMs, cacheHit: false, outcome, audioSeconds: seconds });
  }
}
