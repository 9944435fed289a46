import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { chatDepsFrom } from '../../src/domain/chats/chat-services';
import { setPersonaVoice } from '../../src/domain/media/voice/persona-voice';
import { sendVoiceMessage } from '../../src/domain/media/voice/send-voice-message';
import { speakChatMessage } from '../../src/domain/media/voice/speak-chat-message';
import type { AuthedContext } from '../context.type';
import { SendVoiceMessageInput, SetPersonaVoiceInput, SpeakChatMessageInput } from '../inputs/voice.input';
import { ChatMessageType } from '../types/chat.type';
import { MediaFileType } from '../types/media.type';
import { PersonaVoiceType, SpokenMessagePayload, VoiceMessagePayload } from '../types/voice.type';
import { SetPersonaVoicePayload } from '../types/media.payload';
import { MODEL_CALL_COMPLEXITY } from '../limits/field-complexity';

/** Voice: recordings in (speech-to-text → the chat's send path), replies out (text-to-speech). Paid tiers. */
@Resolver()
export class VoiceResolver {
  @Authorized()
  @Mutation(() => SetPersonaVoicePayload, { description: 'Sets the voice a persona’s replies are spoken in.' })
  async setPersonaVoice(@Ctx() ctx: AuthedContext, @Arg('input', () => SetPersonaVoiceInput, { description: 'The persona and the voice.' }) input: SetPersonaVoiceInput): Promise<SetPersonaVoicePayload> {
    return { voice: Object.assign(new PersonaVoiceType(), await setPersonaVoice(ctx.services, ctx.em, ctx.principal.user.id, input)) };
  }

  @Authorized()
  @Mutation(() => VoiceMessagePayload, {
    complexity: MODEL_CALL_COMPLEXITY,
    description:
      'Transcribes an uploaded recording and sends the text as a chat message; the reply streams on chatEvents. SPEECH_TO_TEXT_NOT_CONFIGURED without a transcription model; QUOTA_EXCEEDED on tiers without voice or past their voice minutes.',
  })
  async sendVoiceMessage(@Ctx() ctx: AuthedContext, @Arg('input', () => SendVoiceMessageInput, { description: 'The chat and the uploaded recording.' }) input: SendVoiceMessageInput): Promise<VoiceMessagePayload> {
    const deps = { ...chatDepsFrom(ctx.services), objects: ctx.services.objects, speech: ctx.services.speech, usageTotals: ctx.services.usageTotals };
    const { transcript, seconds, sent } = await sendVoiceMessage(deps, ctx.em, ctx.principal.user, input);
    return Object.assign(new VoiceMessagePayload(), { transcript, seconds, message: ChatMessageType.from(sent.message), replyId: sent.replyId });
  }

  @Authorized()
  @Mutation(() => SpokenMessagePayload, {
    complexity: MODEL_CALL_COMPLEXITY,
    description: 'Speaks a chat message (typically the partner’s reply) in its persona’s voice, as a WAV file of yours. TEXT_TO_SPEECH_NOT_CONFIGURED without a speech model.',
  })
  async speakChatMessage(@Ctx() ctx: AuthedContext, @Arg('input', () => SpeakChatMessageInput, { description: 'The message to speak.' }) input: SpeakChatMessageInput): Promise<SpokenMessagePayload> {
    const { file, seconds, model } = await speakChatMessage(
      { objects: ctx.services.objects, speech: ctx.services.speech, transcripts: ctx.services.transcripts, usageTotals: ctx.services.usageTotals, clock: ctx.services.clock },
      ctx.em,
      ctx.principal.user,
      input,
    );
    return Object.assign(new SpokenMessagePayload(), { audio: MediaFileType.from(file), seconds, model });
  }
}
