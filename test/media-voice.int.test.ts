import {
  MeDocument,
  SendVoiceMessageDocument,
  SetPersonaVoiceDocument,
  SpeakChatMessageDocument,
} from '../graphql/generated/graphql';
import { encodeWav, wavDurationSeconds } from '../src/llm/speech/wav';
import { STUB_SPEECH_MARKER } from '../src/llm/stub/stub-audio.handlers';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { downloadMedia, uploadMedia } from './support/media-upload';
import type { TestApp } from './support/test-app';

/** A two-second WAV "recording" that tells the stub what it says (a chunk after the samples). */
function recording(says: string): Buffer {
  const wav = encodeWav(new Float32Array(32_000).map((_, i) => 0.1 * Math.sin(i / 10)), 16_000);
  const note = Buffer.from(`${STUB_SPEECH_MARKER}${says}\0`, 'utf8');
  const chunk = Buffer.concat([Buffer.from('note', 'latin1'), Buffer.alloc(4), note, Buffer.alloc(note.length % 2)]);
  chunk.writeUInt32LE(note.length, 4);
  const out = Buffer.concat([wav, chunk]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

let t: TestApp;
let stub: StubLlmServer;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub({ LLM_TRANSCRIPTION_MODEL: 'stub-whisper', LLM_SPEECH_MODEL: 'stub-tts' }));
});
afterAll(() => close());

describe('Voice round trip against the stub: recording → chat → spoken reply', () => {
  it('When a paid user sends a voice message, Then it is heard, answered and the reply is spoken in the persona’s voice; the seconds are in the ledger', async () => {
    const { token, personaId, sessionId } = await userWithChat(t);
    const userId = (await t.http.ok(MeDocument, {}, token)).me.id;
    const audio = await uploadMedia(t.baseUrl, token, recording('Are you free this weekend?'), { purpose: 'AUDIO' });
    expect(audio.status).toBe(201);
    expect(audio.json.contentType).toBe('audio/wav');

    // Voice is for paid tiers.
    const input = { sessionId, audioId: audio.json.id, clientMessageId: 'voice-1' };
    expect(errorCode(await t.http.request(SendVoiceMessageDocument, { input }, token))).toBe('QUOTA_EXCEEDED');
    await t.app.services.orm.em.getConnection().execute(`update users set tier = 'PREMIUM' where id = ?`, [userId]);

    await t.http.ok(SetPersonaVoiceDocument, { input: { personaId, voice: 'nova', speed: 1.5 } }, token);
    const w = watch(t, token, sessionId);
    const sent = (await t.http.ok(SendVoiceMessageDocument, { input }, token)).sendVoiceMessage;
    expect(sent.transcript).toBe('Are you free this weekend?');
    expect(sent.message).toMatchObject({ text: 'Are you free this weekend?', role: 'USER' });
    expect(sent.seconds).toBe(2);
    const reply = await w.finished(sent.replyId!, 30_000);
    await w.close();
    expect(reply.type).toBe('AI_COMPLETE');

    const spoken = (await t.http.ok(SpeakChatMessageDocument, { input: { messageId: sent.replyId! } }, token)).speakChatMessage;
    expect(spoken.model).toBe('stub-tts');
    expect(spoken.audio).toMatchObject({ purpose: 'AUDIO', contentType: 'audio/wav', personaId });
    const wav = await downloadMedia(t.baseUrl, token, spoken.audio.id);
    expect(wav.bytes.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.bytes.toString('latin1', 8, 12)).toBe('WAVE');
    expect(wavDurationSeconds(wav.bytes)).toBeCloseTo(spoken.seconds, 3);
    expect(spoken.seconds).toBeGreaterThan(0);
    const speechCall = stub.requests().find((r) => r.path === '/v1/audio/speech')!;
    expect(speechCall.body).toMatchObject({ model: 'stub-tts', voice: 'nova', speed: 1.5, response_format: 'wav' });

    const ledger = await t.app.services.orm.em
      .getConnection()
      .execute<{ model: string; audio_seconds: number }[]>(`select model, audio_seconds from usage_records where user_id = ? and tier = 'voice' order by created_at`, [userId]);
    expect(ledger.map((r) => [r.model, Number(r.audio_seconds)])).toEqual([
      ['stub-whisper', 2],
      ['stub-tts', expect.closeTo(spoken.seconds, 3)],
    ]);

    // Someone else's recording cannot be sent.
    const other = await userWithChat(t);
    const theirs = await t.http.request(SendVoiceMessageDocument, { input: { sessionId: other.sessionId, audioId: audio.json.id, clientMessageId: 'x' } }, other.token);
    expect(errorCode(theirs)).toBe('NOT_FOUND');
  });
});
