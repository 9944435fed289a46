import { Field, ID, InputType } from 'type-graphql';
import { ChatPolicy } from '../../src/domain/chats/chat-policy';

@InputType({ description: 'A chat to open with the partner agent of one of your PARTNER personas.' })
export class StartChatInput {
  @Field(() => ID, { description: 'One of your PARTNER personas (it needs consent if its messages were imported).' })
  partnerPersonaId!: string;

  @Field(() => String, { description: 'A scenario template id (see scenarios) to set the scene; leave out for an open chat.', nullable: true })
  scenarioId?: string | null;

  @Field(() => ChatPolicy, { description: 'What a second message does while a reply streams; default ENQUEUE.', nullable: true })
  policy?: ChatPolicy | null;
}

@InputType({ description: 'A new title for one of your chats.' })
export class RenameChatInput {
  @Field(() => ID, { description: 'The chat.' })
  id!: string;

  @Field({ description: 'The new title, 1–120 characters (trimmed).' })
  title!: string;
}

@InputType({ description: 'A new policy for one of your chats.' })
export class SetChatPolicyInput {
  @Field(() => ID, { description: 'The chat.' })
  id!: string;

  @Field(() => ChatPolicy, { description: 'The new policy; it applies to the next message.' })
  policy!: ChatPolicy;
}

@InputType({ description: 'The chat to delete.' })
export class DeleteChatInput {
  @Field(() => ID, { description: 'The chat to delete.' })
  id!: string;
}

@InputType({ description: 'A message to send in one of your chats.' })
export class SendChatMessageInput {
  @Field(() => ID, { description: 'One of your chats.' })
  sessionId!: string;

  @Field({ description: 'The message text.' })
  content!: string;

  @Field({ description: 'An id you generate per message (e.g. a UUID) so a retried send is not sent twice; it comes back in the USER_MESSAGE event.' })
  clientMessageId!: string;
}

@InputType({ description: 'The reply to write again.' })
export class RegenerateReplyInput {
  @Field(() => ID, { description: 'The latest partner reply of the chat.' })
  messageId!: string;
}

@InputType({ description: 'Where to branch a chat, and optionally what to say in the branch.' })
export class ForkChatInput {
  @Field(() => ID, { description: 'The message the branch starts after: history up to and including it is shared.' })
  messageId!: string;

  @Field(() => String, { description: 'A message to send in the branch at once (the alternative to what was said next); leave out to branch without sending.', nullable: true })
  content?: string | null;
}

@InputType({ description: 'The chat to score.' })
export class ScoreChatInput {
  @Field(() => ID, { description: 'One of your chats (its current branch’s latest 80 messages are scored).' })
  sessionId!: string;
}

@InputType({ description: 'The chat to share.' })
export class ShareChatInput {
  @Field(() => ID, { description: 'One of your chats.' })
  sessionId!: string;
}

@InputType({ description: 'The chat whose share link to revoke.' })
export class RevokeChatShareInput {
  @Field(() => ID, { description: 'One of your chats.' })
  sessionId!: string;
}
