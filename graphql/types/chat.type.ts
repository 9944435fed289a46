import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChatMessageView } from '../../src/domain/chats/chat-message-view';
import { ChatMessageStatus, ChatRole } from '../../src/domain/chats/chat-message.entity';
import { ChatPolicy } from '../../src/domain/chats/chat-policy';
import type { ChatSession } from '../../src/domain/chats/chat-session.entity';
import type { ChatEvent } from '../../src/ports/chat-event-log.port';

registerEnumType(ChatPolicy, {
  name: 'ChatPolicy',
  description:
    'What a second message does while a reply streams. ENQUEUE: answered after the current reply. INTERRUPT: the current reply stops (kept, marked INTERRUPTED). REJECT: refused with REPLY_IN_PROGRESS. ROLLBACK: the current reply is withdrawn and one reply answers both.',
});
registerEnumType(ChatRole, { name: 'ChatRole' });
registerEnumType(ChatMessageStatus, { name: 'ChatMessageStatus' });

export enum ChatEventKind {
  AI_CHUNK = 'AI_CHUNK',
  AI_COMPLETE = 'AI_COMPLETE',
  SUGGESTIONS = 'SUGGESTIONS',
  ERROR = 'ERROR',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ChatEventKind, { name: 'ChatEventType' });

@ObjectType('ChatSession', { description: 'A live chat with the partner agent of one of your PARTNER personas.' })
export class ChatSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerPersonaId!: string;

  @Field()
  partnerName!: string;

  @Field(() => String, { nullable: true, description: 'Set automatically after the first exchange unless you rename the chat.' })
  title!: string | null;

  @Field(() => String, { nullable: true })
  scenarioId!: string | null;

  @Field(() => ChatPolicy)
  policy!: ChatPolicy;

  @Field(() => ID, { nullable: true, description: 'The chat this one was forked from.' })
  parentSessionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The message of the parent chat this branch starts after.' })
  forkedFromMessageId!: string | null;

  @Field(() => Int, { description: 'Messages in the conversation (sent messages and finished replies).' })
  messageCount!: number;

  @Field({ description: 'A read-only share link is active.' })
  shared!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  lastActivityAt!: Date;

  static from(session: ChatSession): ChatSessionType {
    return Object.assign(new ChatSessionType(), {
      id: session.id,
      partnerPersonaId: session.persona.id,
      partnerName: session.persona.isInitialized() ? session.persona.getEntity().name : '',
      title: session.title,
      scenarioId: session.scenarioId,
      policy: session.policy,
      parentSessionId: session.parent?.id ?? null,
      forkedFromMessageId: session.forkedFromMessageId,
      messageCount: session.messageCount,
      shared: session.shareTokenHash !== null,
      createdAt: session.createdAt,
      lastActivityAt: session.lastActivityAt,
    });
  }
}

@ObjectType('ChatSessionPage')
export class ChatSessionPageType {
  @Field(() => [ChatSessionType])
  items!: ChatSessionType[];

  @Field(() => Int)
  total!: number;
}

@ObjectType('ChatMessage', { description: 'A message of a chat. A reply being written has empty text; its text arrives as AI_CHUNK events.' })
export class ChatMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field(() => Int, { description: 'Position in the conversation; a regenerated reply keeps its position with a higher version.' })
  seq!: number;

  @Field(() => Int)
  version!: number;

  @Field(() => ChatRole)
  role!: ChatRole;

  @Field(() => ChatMessageStatus)
  status!: ChatMessageStatus;

  @Field()
  text!: string;

  @Field(() => ID, { nullable: true, description: 'For replies: the message answered.' })
  replyTo!: string | null;

  @Field(() => String, { nullable: true })
  clientMessageId!: string | null;

  @Field(() => Int)
  tokenCount!: number;

  @Field({ description: 'Every model was down: a short canned reply.' })
  degraded!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  static from(view: ChatMessageView): ChatMessageType {
    const { active: _active, ...fields } = view;
    return Object.assign(new ChatMessageType(), fields);
  }
}

@ObjectType('ChatMessagePage')
export class ChatMessagePageType {
  @Field(() => [ChatMessageType], { description: 'Oldest first.' })
  messages!: ChatMessageType[];

  @Field(() => Int, { nullable: true, description: 'Pass as `before` for older messages; null at the start of the chat.' })
  nextBefore!: number | null;
}

@ObjectType('SentChatMessage')
export class SentChatMessageType {
  @Field(() => ChatMessageType)
  message!: ChatMessageType;

  @Field(() => ID, { nullable: true, description: 'The reply that will answer it; its events carry this replyId.' })
  replyId!: string | null;
}

@ObjectType('ChatShare')
export class ChatShareType {
  @Field({ description: 'Shown once: anyone holding it can read the chat (sharedChat) until you revoke it.' })
  token!: string;

  @Field(() => ChatSessionType)
  session!: ChatSessionType;
}

@ObjectType('SharedChat', { description: 'A chat as its share link shows it: read-only.' })
export class SharedChatType {
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  partnerName!: string;

  @Field(() => [ChatMessageType])
  messages!: ChatMessageType[];
}

// simpleResolvers: plain fields without middleware wrappers — this type is resolved once per streamed chunk.
@ObjectType('ChatEvent', { simpleResolvers: true, description: 'An event of a chat, numbered by `seq`. Reconnect with the last seq you saw to get exactly what you missed.' })
export class ChatEventType {
  @Field(() => Int)
  seq!: number;

  @Field(() => ChatEventKind)
  type!: ChatEventKind;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'AI_CHUNK, AI_COMPLETE, SUGGESTIONS, ERROR: the reply concerned.' })
  replyId!: string | null;

  @Field(() => Int, { nullable: true, description: 'AI_CHUNK: 0, 1, 2… per reply.' })
  index!: number | null;

  @Field(() => String, { nullable: true, description: 'AI_CHUNK: the delta. AI_COMPLETE: the full text (authoritative: moderation may have replaced it).' })
  text!: string | null;

  @Field(() => ID, { nullable: true, description: 'AI_COMPLETE: the stored message id.' })
  messageId!: string | null;

  @Field(() => Int, { nullable: true })
  tokenCount!: number | null;

  @Field(() => Boolean, { nullable: true })
  degraded!: boolean | null;

  @Field(() => ChatMessageStatus, { nullable: true, description: 'AI_COMPLETE: COMPLETE or INTERRUPTED.' })
  status!: ChatMessageStatus | null;

  @Field(() => [String], { nullable: true, description: 'SUGGESTIONS: two or three messages you could send next.' })
  suggestions!: string[] | null;

  @Field(() => String, { nullable: true, description: 'SUGGESTIONS: what the partner’s message signals.' })
  tip!: string | null;

  @Field(() => String, { nullable: true, description: 'ERROR: a stable code (AI_SERVICE_UNAVAILABLE, QUOTA_EXCEEDED, …).' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'ERROR: what went wrong, for people.' })
  message!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'ERROR: trying again (regenerateReply) may work.' })
  retryable!: boolean | null;

  @Field(() => GraphQLJSONObject, { description: 'The whole payload (SYSTEM events: `kind` is USER_MESSAGE, REPLY_QUEUED, REPLY_DISCARDED, REPLY_RESTARTED, TITLE or EVENTS_TRIMMED).' })
  data!: Record<string, unknown>;

  static from(event: ChatEvent): ChatEventType {
    const p = event.payload;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const int = (v: unknown) => (typeof v === 'number' ? v : null);
    const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
    return Object.assign(new ChatEventType(), {
      seq: event.seq,
      type: event.type as ChatEventKind,
      at: new Date(event.at),
      replyId: str(p.replyId),
      index: int(p.index),
      text: str(p.text),
      messageId: str(p.messageId),
      tokenCount: int(p.tokenCount),
      degraded: bool(p.degraded),
      status: (str(p.status) as ChatMessageStatus | null) ?? null,
      suggestions: Array.isArray(p.replies) ? p.replies.filter((r): r is string => typeof r === 'string') : null,
      tip: str(p.tip),
      code: str(p.code),
      message: str(p.message),
      retryable: bool(p.retryable),
      data: p,
    });
  }
}
