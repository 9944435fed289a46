import { startStubLlmServer, type StubLlmServer } from '../stub/stub-llm-server';
import type { UsageEntry } from '../../ports/usage-ledger.port';
import { createLogger } from '../../observability/logger';
import { OpenAiSpeechProvider } from './openai-speech-provider';
import { encodeWav, wavDurationSeconds } from './wav';

const tag = { agent: 'test', node: 'speech', purpose: 'test' };

describe('OpenAiSpeechProvider', () => {
  let stub: StubLlmServer;
  beforeAll(async () => {
    stub = await startStubLlmServer();
  });
  afterAll(() => stub.close());

  const provider = (configured: boolean, entries: UsageEntry[]) => {
    const endpoint = { name: 'stub', baseUrl: stub.baseUrl, apiKey: 'stub' };
    return new OpenAiSpeechProvider({
      transcription: configured ? { endpoint, model: 'stub-whisper' } : undefined,
      speech: configured ? { endpoint, model: 'stub-tts' } : undefined,
      ledger: { record: async (e) => void entries.push(e) },
      logger: createLogger('silent'),
      timeoutMs: 5000,
    });
  };

  it('When no audio models are configured, Then each direction says so with its own code', async () => {
    const p = provider(false, []);
    await expect(p.transcribe(Buffer.from('x'), 'audio/wav', { tag })).rejects.toMatchObject({ code: 'SPEECH_TO_TEXT_NOT_CONFIGURED' });
    await expect(p.speak('hi', { voice: 'alloy', speed: 1 }, tag)).rejects.toMatchObject({ code: 'TEXT_TO_SPEECH_NOT_CONFIGURED' });
  });

  it('When speaking, Then the answer is a playable WAV whose length is recorded in the ledger', async () => {
    const entries: UsageEntry[] = [];
    const spoken = await provider(true, entries).speak('see you tomorrow then', { voice: 'alloy', speed: 1 }, tag);
    expect(spoken.audio.toString('latin1', 0, 4)).toBe('RIFF');
    expect(spoken.audio.readUInt16LE(20)).toBe(1); // PCM
    expect(spoken.seconds).toBeCloseTo(1.2, 3); // the stub: 0.3 s a word
    expect(wavDurationSeconds(spoken.audio)).toBe(spoken.seconds);
    expect(entries).toEqual([expect.objectContaining({ tier: 'voice', model: 'stub-tts', audioSeconds: spoken.seconds, outcome: 'ok' })]);
  });

  it('When transcribing a WAV, Then its duration is the recording’s', async () => {
    const entries: UsageEntry[] = [];
    const heard = await provider(true, entries).transcribe(encodeWav(new Float32Array(8000), 16_000), 'audio/wav', { tag, language: 'en' });
    expect(heard.seconds).toBe(0.5);
    expect(heard.text).toMatch(/^stub transcript of 16044 bytes/);
    expect(entries[0]).toMatchObject({ tier: 'voice', model: 'stub-whisper', audioSeconds: 0.5 });
  });
});
