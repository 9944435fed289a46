import { MeDocument, SendVoiceMessageDocument, SetPersonaVoiceDocument, SpeakChatMessageDocument } from '../graphql/generated/graphql';
import { encodeWav, wavDurationSeconds } from '../src/llm/speech/wav';
import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { downloadMedia, uploadMedia } from './support/media-upload';
import type { TestApp } from './support/test-app';

// No LLM_SPEECH_MODEL and no LLM_TRANSCRIPTION_MODEL: replies are spoken by eSpeak NG offline.
let t: TestApp;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, close } = await startAppWithStub());
});
afterAll(() => close());

describe('Voice without a speech endpoint: eSpeak NG speaks, nothing transcribes', () => {
  it('When a paid user asks to hear a reply, Then it is spoken offline as a playable WAV whose seconds are in the ledger; voice messages say speech-to-text is not configured', async () => {
    const { token, personaId, sessionId } = await userWithChat(t);
    const userId = (await t.http.ok(MeDocument, {}, token)).me.id;
    await t.app.services.orm.em.getConnection().execute(`update users set tier = 'PREMIUM' where id = ?`, [userId]);
    await t.http.ok(SetPersonaVoiceDocument, { input: { personaId, voice: 'nova', speed: 1.2 } }, token);

    const w = watch(t, token, sessionId);
    const sent = await send(t, token, sessionId, 'Are you free this weekend?');
    const reply = await w.finished(sent.replyId!, 30_000);
    await w.close();
    expect(reply.type).toBe('AI_COMPLETE');

    const spoken = (await t.http.ok(SpeakChatMessageDocument, { input: { messageId: sent.replyId! } }, token)).speakChatMessage;
    expect(spoken.model).toBe('espeak-ng');
    expect(spoken.audio).toMatchObject({ purpose: 'AUDIO', contentType: 'audio/wav', personaId });
    const wav = await downloadMedia(t.baseUrl, token, spoken.audio.id);
    expect(wav.bytes.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.bytes.toString('latin1', 8, 12)).toBe('WAVE');
    expect(wav.bytes.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.bytes.readUInt32LE(24)).toBe(22_050);
    expect(wavDurationSeconds(wav.bytes)).toBeCloseTo(spoken.seconds, 3);
    expect(spoken.seconds).toBeGreaterThan(0.3);

    const ledger = await t.app.services.orm.em
      .getConnection()
      .execute<{ model: string; audio_seconds: number; outcome: string }[]>(`select model, audio_seconds, outcome from usage_records where user_id = ? and tier = 'voice'`, [userId]);
    expect(ledger.map((r) => [r.model, Number(r.audio_seconds), r.outcome])).toEqual([['espeak-ng', expect.closeTo(spoken.seconds, 3), 'ok']]);

    const audio = await uploadMedia(t.baseUrl, token, encodeWav(new Float32Array(16_000), 16_000), { purpose: 'AUDIO' });
    expect(audio.status).toBe(201);
    const heard = await t.http.request(SendVoiceMessageDocument, { input: { sessionId, audioId: audio.json.id, clientMessageId: 'voice-1' } }, token);
    expect(errorCode(heard)).toBe('SPEECH_TO_TEXT_NOT_CONFIGURED');
  });
});
