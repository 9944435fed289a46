import { DomainError } from '../../kernel/errors';
import type { Logger } from '../../observability/logger';
import type { SpeechProvider, SpokenAudio, Transcript, VoiceSettings } from '../../ports/speech.port';
import type { CallTag } from '../../ports/model-provider.port';
import type { UsageLedger } from '../../ports/usage-ledger.port';
import type { UsageOutcome } from '../usage/usage-record.entity';
import type { EspeakAudio } from './espeak-engine';
import { espeakVoiceFor, type EspeakVoiceChoice } from './espeak-voice';
import { encodePcm16Wav } from './wav';

/** The model name spoken replies and ledger rows carry. */
export const ESPEAK_MODEL = 'espeak-ng';

/** What the provider needs of eSpeak (EspeakEngine; a fake in tests that must not load it). */
export interface EspeakSynthesizer {
  synthesize(text: string, choice: EspeakVoiceChoice): Promise<EspeakAudio>;
}

/**
 * Offline text-to-speech with eSpeak NG, for deployments without an `/audio/speech` endpoint:
 * robotic but intelligible, in the persona's language and register (see espeakVoiceFor for the
 * mapping of voice settings). Transcription is not eSpeak's: it goes to `transcriber` (the
 * OpenAI-compatible provider, which refuses when it has no model), or refuses with
 * SPEECH_TO_TEXT_NOT_CONFIGURED. Each spoken reply, answered or failed, is a `voice` row in the
 * usage ledger with its seconds, like the endpoint's.
 */
export class EspeakSpeechProvider implements SpeechProvider {
  readonly canSpeak = true;

  constructor(
    private readonly deps: {
      engine: EspeakSynthesizer;
      ledger: UsageLedger;
      logger: Logger;
      transcriber?: SpeechProvider;
    },
  ) {}

  get canTranscribe(): boolean {
    return this.deps.transcriber?.canTranscribe ?? false;
  }

  transcribe(audio: Buffer, contentType: string, options: { language?: string; tag: CallTag }): Promise<Transcript> {
    if (!this.deps.transcriber) {
      return Promise.reject(new DomainError('SPEECH_TO_TEXT_NOT_CONFIGURED', 'No speech-to-text model is configured (set LLM_TRANSCRIPTION_MODEL)'));
    }
    return this.deps.transcriber.transcribe(audio, contentType, options);
  }

  async speak(text: string, voice: VoiceSettings, tag: CallTag): Promise<SpokenAudio> {
    const started = performance.now();
    let spoken: EspeakAudio;
    try {
      spoken = await this.deps.engine.synthesize(escapeMarkup(text), espeakVoiceFor(text, voice));
    } catch (err) {
      this.deps.logger.warn({ model: ESPEAK_MODEL, reason: (err as Error).message.slice(0, 200) }, 'speech synthesis failed');
      await this.record(tag, 0, performance.now() - started, 'error');
      throw new DomainError('AI_SERVICE_UNAVAILABLE', 'The offline voice is unavailable; try again shortly', { retryable: true });
    }
    const audio = encodePcm16Wav(spoken.samples, spoken.sampleRate);
    const seconds = spoken.samples.length / spoken.sampleRate;
    await this.record(tag, seconds, performance.now() - started, 'ok');
    return { audio, contentType: 'audio/wav', seconds, model: ESPEAK_MODEL };
  }

  private record(tag: CallTag, seconds: number, latencyMs: number, outcome: UsageOutcome): Promise<void> {
    return this.deps.ledger.record({ tag, tier: 'voice', model: ESPEAK_MODEL, promptTokens: 0, completionTokens: 0, latencyMs, cacheHit: false, outcome, audioSeconds: seconds });
  }
}

/** eSpeak reads SSML: a reply's `<`, `>` and `&` are text to say, not markup to obey. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
