import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { TranscriptStore } from '../../../ports/transcript-store.port';
import type { User } from '../../accounts/user.entity';
import { SPOKEN_STATUSES } from '../../chats/chat-message-view';
import { findOwnChatMessage } from '../../chats/find-own-chat';
import { ValidationError } from '../../errors';
import { validateInput } from '../../validate-input';
import { MediaFile, MediaPurpose, mediaObjectKey } from '../media-file.entity';
import { personaVoice } from './persona-voice';
import type { VoiceDeps } from './send-voice-message';
import { assertVoiceAllowance } from './voice-allowance';

/**
 * A chat message spoken in its persona's voice (text-to-speech), kept as an AUDIO file of
 * the user's (GET /v1/media/{id}), sealed like every upload. The spoken seconds go to the
 * usage ledger.
 */
export async function speakChatMessage(
  deps: VoiceDeps & { transcripts: TranscriptStore },
  em: EntityManager,
  user: User,
  input: unknown,
): Promise<{ file: MediaFile; seconds: number; model: string }> {
  const { messageId } = validateInput(z.object({ messageId: z.string() }), input);
  const message = await findOwnChatMessage(em, user.id, messageId);
  const session = message.session.getEntity();
  const stored = SPOKEN_STATUSES.includes(message.status) ? await deps.transcripts.findByDedupeKey(session.id, message.id) : null;
  if (!stored?.text.trim()) throw new ValidationError('input.messageId', 'This message has no text to speak yet');
  await assertVoiceAllowance(deps, user);
  const voice = await personaVoice(em, session.persona.id);
  const spoken = await deps.speech.speak(stored.text, voice, { userId: user.id, agent: 'live-chat', node: 'speak', purpose: 'spoken-reply' });
  const file = em.create(MediaFile, {
    owner: user.id,
    persona: session.persona.id,
    purpose: MediaPurpose.AUDIO,
    contentType: spoken.contentType,
    byteSize: spoken.audio.length,
    sha256: createHash('sha256').update(spoken.audio).digest('hex'),
    objectKey: '',
  });
  file.objectKey = mediaObjectKey(user.id, file.id);
  await deps.objects.put(file.objectKey, spoken.audio, spoken.contentType);
  try {
    await em.flush();
  } catch (err) {
    await deps.objects.delete(file.objectKey);
    throw err;
  }
  return { file, seconds: spoken.seconds, model: spoken.model };
}
