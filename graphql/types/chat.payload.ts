import { Field, ID, ObjectType } from 'type-graphql';
import { ChatScoreType } from './chat-score.type';
import { ChatMessageType, ChatSessionType } from './chat.type';

@ObjectType('StartChatPayload', { description: 'The result of startChat.' })
export class StartChatPayload {
  @Field(() => ChatSessionType, { description: 'The new chat.' })
  chat!: ChatSessionType;
}

@ObjectType('RenameChatPayload', { description: 'The result of renameChat.' })
export class RenameChatPayload {
  @Field(() => ChatSessionType, { description: 'The chat with its new title.' })
  chat!: ChatSessionType;
}

@ObjectType('SetChatPolicyPayload', { description: 'The result of setChatPolicy.' })
export class SetChatPolicyPayload {
  @Field(() => ChatSessionType, { description: 'The chat with its new policy.' })
  chat!: ChatSessionType;
}

@ObjectType('DeleteChatPayload', { description: 'The result of deleteChat.' })
export class DeleteChatPayload {
  @Field(() => ID, { description: 'The id of the chat that was deleted.' })
  deletedChatId!: string;
}

@ObjectType('SendChatMessagePayload', { description: 'The result of sendChatMessage: your stored message and the reply that will answer it.' })
export class SendChatMessagePayload {
  @Field(() => ChatMessageType, { description: 'Your message as stored (sending the same clientMessageId again returns this same message).' })
  message!: ChatMessageType;

  @Field(() => ID, { nullable: true, description: 'The reply that will answer it; its events carry this replyId.' })
  replyId!: string | null;
}

@ObjectType('RegenerateReplyPayload', { description: 'The result of regenerateReply.' })
export class RegenerateReplyPayload {
  @Field(() => ChatMessageType, { description: 'The new version of the reply (its text streams on chatEvents).' })
  message!: ChatMessageType;
}

@ObjectType('ForkChatPayload', { description: 'The result of forkChat.' })
export class ForkChatPayload {
  @Field(() => ChatSessionType, { description: 'The new branch.' })
  chat!: ChatSessionType;
}

@ObjectType('ScoreChatPayload', { description: 'The result of scoreChat.' })
export class ScoreChatPayload {
  @Field(() => ChatScoreType, { description: 'The chat’s scores and the conversation measures of the same messages.' })
  score!: ChatScoreType;
}

@ObjectType('ShareChatPayload', { description: 'The result of shareChat: a read-only share link.' })
export class ShareChatPayload {
  @Field({ description: 'Shown once: anyone holding it can read the chat (sharedChat) until you revoke it.' })
  token!: string;

  @Field(() => ChatSessionType, { description: 'The chat, now shared.' })
  chat!: ChatSessionType;
}

@ObjectType('RevokeChatSharePayload', { description: 'The result of revokeChatShare.' })
export class RevokeChatSharePayload {
  @Field(() => ChatSessionType, { description: 'The chat, no longer shared.' })
  chat!: ChatSessionType;
}
