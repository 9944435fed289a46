import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Clock } from '../../../ports/clock.port';
import type { ObjectStore } from '../../../ports/object-store.port';
import type { SpeechProvider } from '../../../ports/speech.port';
import type { UsageTotals } from '../../../ports/usage-totals.port';
import type { User } from '../../accounts/user.entity';
import type { ChatDeps } from '../../chats/chat-deps';
import type { ReplyWriter } from '../../../ports/reply-writer.port';
import { sendChatMessage, type SentMessage } from '../../chats/send-chat-message';
import { DomainError, ValidationError } from '../../errors';
import { validateInput } from '../../validate-input';
import { MediaPurpose } from '../media-file.entity';
import { readMedia } from '../read-media';
import { assertVoiceAllowance } from './voice-allowance';

const voiceInput = z.object({
  sessionId: z.string(),
  audioId: z.string(),
  clientMessageId: z.string(),
  language: z.string().regex(/^[a-z]{2}$/, 'is an ISO-639-1 code such as "en" or "zh"').optional(),
});

export interface VoiceDeps {
  objects: ObjectStore;
  speech: SpeechProvider;
  /** This month's voice seconds so far (the allowance). */
  usageTotals: UsageTotals;
  /** The month whose voice minutes count. */
  clock: Clock;
}

/**
 * A voice message: an uploaded recording (AUDIO) is transcribed and the text goes through the
 * chat's normal send path, so the reply streams on chatEvents as for a typed message (and
 * the same clientMessageId never sends twice). The recording's seconds go to the usage ledger.
 */
export async function sendVoiceMessage(
  deps: ChatDeps & { engine: ReplyWriter } & VoiceDeps,
  em: EntityManager,
  user: User,
  input: unknown,
): Promise<{ transcript: string; seconds: number; sent: SentMessage }> {
  const data = validateInput(voiceInput, input);
  if (!deps.speech.canTranscribe) throw new DomainError('SPEECH_TO_TEXT_NOT_CONFIGURED', 'No speech-to-text model is configured (set LLM_TRANSCRIPTION_MODEL)');
  const { file, bytes } = await readMedia({ em, objects: deps.objects }, user.id, data.audioId);
  if (file.purpose !== MediaPurpose.AUDIO) throw new ValidationError('input.audioId', 'Not an AUDIO upload');
  await assertVoiceAllowance(deps, user);
  const heard = await deps.speech.transcribe(bytes, file.contentType, {
    language: data.language,
    tag: { userId: user.id, agent: 'live-chat', node: 'transcribe', purpose: 'voice-message' },
  });
  if (!heard.text) throw new ValidationError('input.audioId', 'Nothing could be heard in the recording');
  const sent = await sendChatMessage(deps, em, user, { sessionId: data.sessionId, content: heard.text, clientMessageId: data.clientMessageId });
  return { transcript: heard.text, seconds: heard.seconds, sent };
}
