import { createLogger } from '../../observability/logger';
import type { UsageEntry } from '../../ports/usage-ledger.port';
import { EspeakEngine } from './espeak-engine';
import { EspeakSpeechProvider } from './espeak-speech-provider';
import { wavDurationSeconds } from './wav';

const tag = { agent: 'test', node: 'speech', purpose: 'test' };

/** The WAV header fields a player reads. */
function header(wav: Buffer) {
  return {
    riff: wav.toString('latin1', 0, 4),
    riffSize: wav.readUInt32LE(4),
    wave: wav.toString('latin1', 8, 12),
    fmt: wav.toString('latin1', 12, 16),
    format: wav.readUInt16LE(20),
    channels: wav.readUInt16LE(22),
    sampleRate: wav.readUInt32LE(24),
    byteRate: wav.readUInt32LE(28),
    bitsPerSample: wav.readUInt16LE(34),
    data: wav.toString('latin1', 36, 40),
    dataSize: wav.readUInt32LE(40),
  };
}

describe('EspeakSpeechProvider (eSpeak NG, offline)', () => {
  const engine = new EspeakEngine();
  afterAll(() => engine.close());
  const provider = (entries: UsageEntry[] = []) =>
    new EspeakSpeechProvider({ engine, ledger: { record: async (e) => void entries.push(e) }, logger: createLogger('silent') });

  it('When English is spoken, Then the answer is a 16-bit mono PCM WAV whose header and length agree; the seconds go to the ledger', async () => {
    const entries: UsageEntry[] = [];
    const spoken = await provider(entries).speak('See you tomorrow, then.', { voice: 'nova', speed: 1 }, tag);
    expect(header(spoken.audio)).toEqual({
      riff: 'RIFF',
      riffSize: spoken.audio.length - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      format: 1,
      channels: 1,
      sampleRate: 22_050,
      byteRate: 44_100,
      bitsPerSample: 16,
      data: 'data',
      dataSize: spoken.audio.length - 44,
    });
    expect(spoken).toMatchObject({ contentType: 'audio/wav', model: 'espeak-ng' });
    expect(spoken.seconds).toBeGreaterThan(0.3);
    expect(spoken.seconds).toBeLessThan(10);
    expect(wavDurationSeconds(spoken.audio)).toBeCloseTo(spoken.seconds, 6);
    expect(spoken.audio.subarray(44).some((b) => b !== 0)).toBe(true); // not silence
    expect(entries).toEqual([expect.objectContaining({ tier: 'voice', model: 'espeak-ng', audioSeconds: spoken.seconds, outcome: 'ok', tag })]);
  });

  it('When Chinese is spoken, Then it is a playable WAV too, and longer text is longer audio', async () => {
    const short = await provider().speak('你好，今天过得怎么样？', { voice: 'alloy', speed: 1 }, tag);
    expect(header(short.audio)).toMatchObject({ riff: 'RIFF', wave: 'WAVE', format: 1, channels: 1, sampleRate: 22_050, dataSize: short.audio.length - 44 });
    expect(short.seconds).toBeGreaterThan(0.3);
    expect(short.seconds).toBeLessThan(10);
    const long = await provider().speak('你好，今天过得怎么样？我下班以后去了公园散步，天气很好，我们周末一起去吃火锅吧。', { voice: 'alloy', speed: 1 }, tag);
    expect(long.seconds).toBeGreaterThan(short.seconds * 2);
  });

  it('When the persona speaks faster, Then the same words take less time', async () => {
    const text = 'I was thinking about what you said yesterday, and I think you are right.';
    const [normal, fast] = await Promise.all([
      provider().speak(text, { voice: 'echo', speed: 1 }, tag),
      provider().speak(text, { voice: 'echo', speed: 2 }, tag),
    ]);
    expect(fast.seconds).toBeLessThan(normal.seconds * 0.75);
  });

  it('When a reply contains markup, Then it is read as text, not obeyed', async () => {
    const spoken = await provider().speak('ok <break time="30s"/> bye', { voice: 'alloy', speed: 1 }, tag);
    expect(spoken.seconds).toBeLessThan(10);
  });

  it('When asked to transcribe, Then it refuses unless a transcriber is given, and delegates when one is', async () => {
    expect(provider().canTranscribe).toBe(false);
    await expect(provider().transcribe(Buffer.from('x'), 'audio/wav', { tag })).rejects.toMatchObject({ code: 'SPEECH_TO_TEXT_NOT_CONFIGURED' });
    const transcriber = { canTranscribe: true, canSpeak: false, transcribe: jest.fn(async () => ({ text: 'hi', seconds: 1, model: 'w' })), speak: jest.fn() };
    const withWhisper = new EspeakSpeechProvider({ engine, ledger: { record: async () => undefined }, logger: createLogger('silent'), transcriber });
    expect(withWhisper.canTranscribe).toBe(true);
    await expect(withWhisper.transcribe(Buffer.from('x'), 'audio/wav', { tag })).resolves.toEqual({ text: 'hi', seconds: 1, model: 'w' });
  });

  it('When synthesis fails, Then AI_SERVICE_UNAVAILABLE and an error row in the ledger', async () => {
    const entries: UsageEntry[] = [];
    const broken = new EspeakSpeechProvider({
      engine: { synthesize: async () => Promise.reject(new Error('boom')) },
      ledger: { record: async (e) => void entries.push(e) },
      logger: createLogger('silent'),
    });
    await expect(broken.speak('hi', { voice: 'alloy', speed: 1 }, tag)).rejects.toMatchObject({ code: 'AI_SERVICE_UNAVAILABLE' });
    expect(entries).toEqual([expect.objectContaining({ model: 'espeak-ng', outcome: 'error', audioSeconds: 0 })]);
  });
});
