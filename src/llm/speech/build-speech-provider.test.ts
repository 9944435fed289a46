import { createLogger } from '../../observability/logger';
import { buildSpeechProvider } from './build-speech-provider';
import { EspeakSpeechProvider } from './espeak-speech-provider';
import { OpenAiSpeechProvider } from './openai-speech-provider';

const endpoint = { name: 'default', baseUrl: 'http://127.0.0.1:9', apiKey: 'k' };
const build = (settings: { transcription?: string; speech?: string }, espeakInstalled?: () => boolean) =>
  buildSpeechProvider({
    settings: {
      transcription: settings.transcription ? { endpoint, model: settings.transcription } : undefined,
      speech: settings.speech ? { endpoint, model: settings.speech } : undefined,
      requestTimeoutMs: 1000,
    },
    ledger: { record: async () => undefined },
    logger: createLogger('silent'),
    espeakInstalled,
  });

describe('buildSpeechProvider', () => {
  it('When a speech endpoint is configured, Then it speaks and eSpeak is not used', async () => {
    const { speech, close } = build({ speech: 'tts-1', transcription: 'whisper-1' });
    expect(speech).toBeInstanceOf(OpenAiSpeechProvider);
    expect([speech.canSpeak, speech.canTranscribe]).toEqual([true, true]);
    await close();
  });

  it('When none is configured, Then eSpeak speaks; transcription follows LLM_TRANSCRIPTION_MODEL', async () => {
    const alone = build({});
    expect(alone.speech).toBeInstanceOf(EspeakSpeechProvider);
    expect([alone.speech.canSpeak, alone.speech.canTranscribe]).toEqual([true, false]);
    await expect(alone.speech.transcribe(Buffer.from('x'), 'audio/wav', { tag: { agent: 'a', node: 'n', purpose: 'p' } })).rejects.toMatchObject({
      code: 'SPEECH_TO_TEXT_NOT_CONFIGURED',
    });
    const withWhisper = build({ transcription: 'whisper-1' });
    expect([withWhisper.speech.canSpeak, withWhisper.speech.canTranscribe]).toEqual([true, true]);
    await Promise.all([alone.close(), withWhisper.close()]);
  });

  it('When the eSpeak package was removed, Then speaking refuses with TEXT_TO_SPEECH_NOT_CONFIGURED', async () => {
    const { speech } = build({}, () => false);
    expect(speech.canSpeak).toBe(false);
    await expect(speech.speak('hi', { voice: 'alloy', speed: 1 }, { agent: 'a', node: 'n', purpose: 'p' })).rejects.toMatchObject({ code: 'TEXT_TO_SPEECH_NOT_CONFIGURED' });
  });
});
