import type { Logger } from '../../observability/logger';
import type { SpeechProvider } from '../../ports/speech.port';
import type { LlmSettings } from '../llm-settings';
import type { UsageLedger } from '../../ports/usage-ledger.port';
import { EspeakEngine } from './espeak-engine';
import { EspeakSpeechProvider } from './espeak-speech-provider';
import { OpenAiSpeechProvider } from './openai-speech-provider';

const ESPEAK_PACKAGE = '@echogarden/espeak-ng-emscripten';

/**
 * The app's speech: with LLM_SPEECH_MODEL, both directions on the OpenAI-compatible endpoints
 * and eSpeak NG (GPL-3.0) is never loaded; without it, spoken replies come from eSpeak NG
 * offline while transcription stays with the endpoint (SPEECH_TO_TEXT_NOT_CONFIGURED when
 * LLM_TRANSCRIPTION_MODEL is unset). An install without the eSpeak package (an operator
 * removed it) refuses to speak with TEXT_TO_SPEECH_NOT_CONFIGURED. `close` stops eSpeak's
 * thread if it ever started.
 */
export function buildSpeechProvider(deps: {
  settings: Pick<LlmSettings, 'transcription' | 'speech' | 'requestTimeoutMs'>;
  ledger: UsageLedger;
  logger: Logger;
  /** Whether the eSpeak package is installed (a resolvable path, nothing is loaded). */
  espeakInstalled?: () => boolean;
}): { speech: SpeechProvider; close(): Promise<void> } {
  const endpoints = new OpenAiSpeechProvider({
    transcription: deps.settings.transcription,
    speech: deps.settings.speech,
    ledger: deps.ledger,
    logger: deps.logger,
    timeoutMs: deps.settings.requestTimeoutMs,
  });
  if (endpoints.canSpeak || !(deps.espeakInstalled ?? espeakInstalled)()) return { speech: endpoints, close: async () => undefined };
  const engine = new EspeakEngine();
  return {
    speech: new EspeakSpeechProvider({ engine, ledger: deps.ledger, logger: deps.logger, transcriber: endpoints }),
    close: () => engine.close(),
  };
}

function espeakInstalled(): boolean {
  try {
    require.resolve(ESPEAK_PACKAGE);
    return true;
  } catch {
    // Not installed: a state to report (TEXT_TO_SPEECH_NOT_CONFIGURED), not a failure.
    return false;
  }
}
