import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ChatMessageType } from './chat.type';
import { MediaFileType } from './media.type';

@ObjectType('PersonaVoice', { description: 'How a persona’s replies are spoken.' })
export class PersonaVoiceType {
  @Field(() => ID, { description: 'The persona.' })
  personaId!: string;

  @Field({ description: 'A voice name the speech endpoint offers (e.g. alloy, nova).' })
  voice!: string;

  @Field(() => Float, { description: '0.25–4; 1 is normal.' })
  speed!: number;
}

@ObjectType('VoiceMessagePayload', { description: 'A recording heard and sent as a chat message; the reply streams on chatEvents as usual.' })
export class VoiceMessagePayload {
  @Field({ description: 'What was heard: the text that was sent.' })
  transcript!: string;

  @Field(() => Float, { description: 'Length of the recording (counted against the tier’s voice minutes).' })
  seconds!: number;

  @Field(() => ChatMessageType, { description: 'The stored user message with the transcript as its text.' })
  message!: ChatMessageType;

  @Field(() => ID, { nullable: true, description: 'The reply that will answer it.' })
  replyId!: string | null;
}

@ObjectType('SpokenMessagePayload', { description: 'A chat message spoken in its persona’s voice.' })
export class SpokenMessagePayload {
  @Field(() => MediaFileType, { description: 'The audio (WAV), yours to fetch from GET /v1/media/{id}.' })
  audio!: MediaFileType;

  @Field(() => Float, { description: 'Length of the audio, in seconds.' })
  seconds!: number;

  @Field({ description: 'The speech model that spoke it.' })
  model!: string;
}
