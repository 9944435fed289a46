import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'How a persona’s replies should sound.' })
export class SetPersonaVoiceInput {
  @Field(() => ID, { description: 'One of your personas.' })
  personaId!: string;

  @Field({ description: 'A voice name the speech endpoint offers (e.g. alloy, nova).' })
  voice!: string;

  @Field(() => Float, { nullable: true, defaultValue: 1, description: '0.25–4; 1 is normal.' })
  speed?: number;
}

@InputType({ description: 'An uploaded recording (AUDIO) to send as a chat message.' })
export class SendVoiceMessageInput {
  @Field(() => ID, { description: 'One of your chats.' })
  sessionId!: string;

  @Field(() => ID, { description: 'The AUDIO file from POST /v1/media?purpose=AUDIO.' })
  audioId!: string;

  @Field({ description: 'Makes the send idempotent, as for sendChatMessage.' })
  clientMessageId!: string;

  @Field({ nullable: true, description: 'ISO-639-1 language of the recording (e.g. en, zh); default: detected.' })
  language?: string;
}

@InputType({ description: 'A chat message to speak.' })
export class SpeakChatMessageInput {
  @Field(() => ID, { description: 'A message of one of your chats (typically a partner reply).' })
  messageId!: string;
}
