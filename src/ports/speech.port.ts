import type { CallTag } from './model-provider.port';

/** How a persona sounds: an OpenAI-compatible voice name and a speed (1 = normal). */
export interface VoiceSettings {
  voice: string;
  speed: number;
}

export interface Transcript {
  text: string;
  /** Length of the recording. */
  seconds: number;
  model: string;
}

export interface SpokenAudio {
  audio: Buffer;
  contentType: 'audio/wav';
  seconds: number;
  model: string;
}

/**
 * Speech in and out through OpenAI-compatible audio endpoints (`/v1/audio/transcriptions`:
 * hosted Whisper, whisper.cpp or faster-whisper servers; `/v1/audio/speech`). Every call's
 * seconds go to the usage ledger. Built once in the composition root.
 */
export interface SpeechProvider {
  /** False: transcribe refuses with SPEECH_TO_TEXT_NOT_CONFIGURED. */
  readonly canTranscribe: boolean;
  /** False: speak refuses with TEXT_TO_SPEECH_NOT_CONFIGURED. */
  readonly canSpeak: boolean;
  transcribe(audio: Buffer, contentType: string, options: { language?: string; tag: CallTag }): Promise<Transcript>;
  speak(text: string, voice: VoiceSettings, tag: CallTag): Promise<SpokenAudio>;
}
