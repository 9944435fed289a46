import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChatMessageView } from '../../src/domain/chats/chat-message-view';
import { ChatMessageStatus, ChatRole } from '../../src/domain/chats/chat-message.entity';
import { ChatPolicy } from '../../src/domain/chats/chat-policy';
import type { ChatSession } from '../../src/domain/chats/chat-session.entity';
import type { ChatEvent } from '../../src/ports/chat-event-log.port';
import type { ChatSystemKind as DomainSystemKind } from '../../src/domain/chats/chat-event-payloads';

registerEnumType(ChatPolicy, {
  name: 'ChatPolicy',
  description: 'What a second message does while a reply streams. ENQUEUE: answered after the current reply. INTERRUPT: the current reply stops (kept, marked INTERRUPTED). REJECT: refused with REPLY_IN_PROGRESS. ROLLBACK: the current reply is withdrawn and one reply answers both.',
  valuesConfig: {
    ENQUEUE: { description: 'The new message is answered after the current reply finishes.' },
    INTERRUPT: { description: 'The current reply stops (kept, marked INTERRUPTED) and the new message is answered.' },
    REJECT: { description: 'The new message is refused with REPLY_IN_PROGRESS.' },
    ROLLBACK: { description: 'The current reply is withdrawn (DISCARDED) and one reply answers both messages.' },
  },
});
registerEnumType(ChatRole, {
  name: 'ChatRole',
  description: 'Who wrote a chat message.',
  valuesConfig: {
    USER: { description: 'You.' },
    PARTNER: { description: 'The partner agent, speaking as the persona.' },
  },
});
registerEnumType(ChatMessageStatus, {
  name: 'ChatMessageStatus',
  description: 'Where a chat message stands: user messages are SENT; replies go QUEUED → STREAMING → COMPLETE (or INTERRUPTED, DISCARDED, FAILED).',
  valuesConfig: {
    SENT: { description: 'A user message, stored.' },
    QUEUED: { description: 'A reply waiting its turn (policy ENQUEUE, or behind another reply).' },
    STREAMING: { description: 'A reply being written; its text arrives as AI_CHUNK events.' },
    COMPLETE: { description: 'A finished reply.' },
    INTERRUPTED: { description: 'A reply stopped by a newer message (policy INTERRUPT); the text written so far is kept.' },
    DISCARDED: { description: 'A reply withdrawn by a newer message (policy ROLLBACK); not shown in the conversation.' },
    FAILED: { description: 'A reply that could not be written (an ERROR event said why); regenerateReply may retry it.' },
  },
});

export enum ChatEventKind {
  AI_CHUNK = 'AI_CHUNK',
  AI_COMPLETE = 'AI_COMPLETE',
  SUGGESTIONS = 'SUGGESTIONS',
  ERROR = 'ERROR',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ChatEventKind, {
  name: 'ChatEventType',
  description: 'What a ChatEvent carries; the fields it sets are named in each field’s description.',
  valuesConfig: {
    AI_CHUNK: { description: 'A piece of a reply being written: replyId, index, text (the delta).' },
    AI_COMPLETE: { description: 'A reply finished: replyId, messageId, text (authoritative), status, tokenCount, degraded, replaced.' },
    SUGGESTIONS: { description: 'Coaching after a reply: replyId, suggestions, tip.' },
    ERROR: { description: 'Something failed: replyId, code, message, retryable, errorSource.' },
    SYSTEM: { description: 'A change to the chat itself: systemKind says which.' },
  },
});

/** The SYSTEM event kinds: the domain's, plus EVENTS_TRIMMED, which the event log itself announces. */
export enum ChatSystemKind {
  USER_MESSAGE = 'USER_MESSAGE',
  REPLY_QUEUED = 'REPLY_QUEUED',
  REPLY_DISCARDED = 'REPLY_DISCARDED',
  REPLY_RESTARTED = 'REPLY_RESTARTED',
  TITLE = 'TITLE',
  EVENTS_TRIMMED = 'EVENTS_TRIMMED',
}
// Compile-time check that every domain kind has a GraphQL value.
const _everyDomainKind: Record<DomainSystemKind, ChatSystemKind> = {
  USER_MESSAGE: ChatSystemKind.USER_MESSAGE,
  REPLY_QUEUED: ChatSystemKind.REPLY_QUEUED,
  REPLY_DISCARDED: ChatSystemKind.REPLY_DISCARDED,
  REPLY_RESTARTED: ChatSystemKind.REPLY_RESTARTED,
  TITLE: ChatSystemKind.TITLE,
};
void _everyDomainKind;
const KNOWN_SYSTEM_KINDS = new Set<string>(Object.values(ChatSystemKind));
registerEnumType(ChatSystemKind, {
  name: 'ChatSystemKind',
  description: 'Which SYSTEM event a ChatEvent is.',
  valuesConfig: {
    USER_MESSAGE: { description: 'A user message was stored (show it on the user’s other devices): messageId, clientMessageId, messageSeq, replyId (the reply that will answer it, if any).' },
    REPLY_QUEUED: { description: 'A reply will be written (behind others, or a regeneration): replyId, regenerates, messageSeq.' },
    REPLY_DISCARDED: { description: 'A reply was withdrawn (policy ROLLBACK, or it stopped before saying anything): remove replyId.' },
    REPLY_RESTARTED: { description: 'The process writing replyId stopped; another writes it again from the start: drop its chunks so far.' },
    TITLE: { description: 'The chat got a title: title.' },
    EVENTS_TRIMMED: { description: 'Events fromSeq…toSeq are no longer in the log: refetch chatMessages instead of replaying them.' },
  },
});

/** Which part of the reply pipeline an ERROR is about. */
export enum ChatErrorSource {
  REPLY = 'REPLY',
  SUGGESTIONS = 'SUGGESTIONS',
}
registerEnumType(ChatErrorSource, {
  name: 'ChatErrorSource',
  description: 'What an ERROR chat event is about.',
  valuesConfig: {
    REPLY: { description: 'The reply itself failed; regenerateReply may retry when retryable.' },
    SUGGESTIONS: { description: 'Only the suggestions after a finished reply failed; the reply stands.' },
  },
});

@ObjectType('ChatSession', { description: 'A live chat with the partner agent of one of your PARTNER personas.' })
export class ChatSessionType {
  @Field(() => ID, { description: 'The chat’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The PARTNER persona the agent plays.' })
  partnerPersonaId!: string;

  @Field({ description: 'The persona’s name, for display.' })
  partnerName!: string;

  @Field(() => String, { nullable: true, description: 'Set automatically after the first exchange unless you rename the chat.' })
  title!: string | null;

  @Field(() => String, { description: 'The scenario template the chat started in; null for an open chat.', nullable: true })
  scenarioId!: string | null;

  @Field(() => ChatPolicy, { description: 'What a second message does while a reply streams.' })
  policy!: ChatPolicy;

  @Field(() => ID, { nullable: true, description: 'The chat this one was forked from.' })
  parentSessionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The message of the parent chat this branch starts after.' })
  forkedFromMessageId!: string | null;

  @Field(() => Int, { description: 'Messages in the conversation (sent messages and finished replies).' })
  messageCount!: number;

  @Field({ description: 'A read-only share link is active.' })
  shared!: boolean;

  @Field({ description: 'When the chat was opened.' })
  createdAt!: Date;

  @Field({ description: 'When the last message was sent or finished; chatSessions sorts by it.' })
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

@ObjectType('ChatMessage', { description: 'A message of a chat. A reply being written has empty text; its text arrives as AI_CHUNK events.' })
export class ChatMessageType {
  @Field(() => ID, { description: 'The message’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The chat it belongs to.' })
  sessionId!: string;

  @Field(() => Int, { description: 'Position in the conversation; a regenerated reply keeps its position with a higher version.' })
  seq!: number;

  @Field(() => Int, { description: '1 for the first version; each regeneration of a reply adds one.' })
  version!: number;

  @Field(() => ChatRole, { description: 'Who wrote it.' })
  role!: ChatRole;

  @Field(() => ChatMessageStatus, { description: 'Where it stands.' })
  status!: ChatMessageStatus;

  @Field({ description: 'The text; empty while a reply is QUEUED or STREAMING (follow AI_CHUNK events).' })
  text!: string;

  @Field(() => ID, { nullable: true, description: 'For replies: the message answered.' })
  replyTo!: string | null;

  @Field(() => String, { description: 'User messages: the id the client sent with it; null for replies.', nullable: true })
  clientMessageId!: string | null;

  @Field(() => Int, { description: 'Replies: completion tokens used; user messages: 0.' })
  tokenCount!: number;

  @Field({ description: 'Every model was down: a short canned reply.' })
  degraded!: boolean;

  @Field({ description: 'When it was stored (for a reply: queued).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Replies: when it finished; null before, and for user messages.', nullable: true })
  completedAt!: Date | null;

  static from(view: ChatMessageView): ChatMessageType {
    const { active: _active, ...fields } = view;
    return Object.assign(new ChatMessageType(), fields);
  }
}

@ObjectType('SharedChat', { description: 'A chat as its share link shows it: read-only.' })
export class SharedChatType {
  @Field(() => String, { description: 'The chat’s title; null if it has none yet.', nullable: true })
  title!: string | null;

  @Field({ description: 'The partner persona’s name.' })
  partnerName!: string;

  @Field(() => [ChatMessageType], { description: 'The conversation, oldest first.' })
  messages!: ChatMessageType[];
}

// simpleResolvers: plain fields without middleware wrappers — this type is resolved once per streamed chunk.
@ObjectType('ChatEvent', { simpleResolvers: true, description: 'An event of a chat, numbered by `seq`. Reconnect with the last seq you saw to get exactly what you missed.' })
export class ChatEventType {
  @Field(() => Int, { description: '1, 2, 3… per chat: pass the last one you saw as afterSeq when you reconnect, and drop events whose seq you already have.' })
  seq!: number;

  @Field(() => ChatEventKind, { description: 'What the event carries.' })
  type!: ChatEventKind;

  @Field({ description: 'When the event was logged.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'AI_CHUNK, AI_COMPLETE, SUGGESTIONS, ERROR: the reply concerned.' })
  replyId!: string | null;

  @Field(() => Int, { nullable: true, description: 'AI_CHUNK: 0, 1, 2… per reply.' })
  index!: number | null;

  @Field(() => String, { nullable: true, description: 'AI_CHUNK: the delta. AI_COMPLETE: the full text (authoritative: moderation may have replaced it).' })
  text!: string | null;

  @Field(() => ID, { nullable: true, description: 'AI_COMPLETE: the stored message id.' })
  messageId!: string | null;

  @Field(() => Int, { description: 'AI_COMPLETE: completion tokens of the reply.', nullable: true })
  tokenCount!: number | null;

  @Field(() => Boolean, { description: 'AI_COMPLETE: every model was down and the reply is a short canned one.', nullable: true })
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

  @Field(() => Boolean, { nullable: true, description: 'AI_COMPLETE: true when moderation replaced the reply’s text (`text` is what was kept).' })
  replaced!: boolean | null;

  @Field(() => ChatErrorSource, { nullable: true, description: 'ERROR: what failed — the reply itself, or only the suggestions after it.' })
  errorSource!: ChatErrorSource | null;

  @Field(() => ChatSystemKind, { nullable: true, description: 'SYSTEM: which system event this is (the enum values say which fields it sets).' })
  systemKind!: ChatSystemKind | null;

  @Field(() => String, { nullable: true, description: 'SYSTEM USER_MESSAGE: the clientMessageId the sender gave (match it to your optimistic bubble).' })
  clientMessageId!: string | null;

  @Field(() => Int, { nullable: true, description: 'SYSTEM USER_MESSAGE: the stored message’s seq (ChatMessage.seq). REPLY_QUEUED: the seq of the message being regenerated.' })
  messageSeq!: number | null;

  @Field(() => ID, { nullable: true, description: 'SYSTEM REPLY_QUEUED: the message the regeneration writes again (it stays as an alternative).' })
  regenerates!: string | null;

  @Field(() => String, { nullable: true, description: 'SYSTEM TITLE: the chat’s new title.' })
  title!: string | null;

  @Field(() => Int, { nullable: true, description: 'SYSTEM EVENTS_TRIMMED: the first seq you can no longer get.' })
  fromSeq!: number | null;

  @Field(() => Int, { nullable: true, description: 'SYSTEM EVENTS_TRIMMED: the last seq you can no longer get (this event’s own seq).' })
  toSeq!: number | null;

  static from(event: ChatEvent): ChatEventType {
    const p = event.payload;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const int = (v: unknown) => (typeof v === 'number' ? v : null);
    const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
    // A plain object (one allocation per event delivered): graphql only reads its properties.
    return {
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
      replaced: bool(p.replaced),
      errorSource: event.type === 'ERROR' ? (p.source === 'coach' ? ChatErrorSource.SUGGESTIONS : ChatErrorSource.REPLY) : null,
      systemKind: event.type === 'SYSTEM' && typeof p.kind === 'string' && KNOWN_SYSTEM_KINDS.has(p.kind) ? (p.kind as ChatSystemKind) : null,
      clientMessageId: str(p.clientMessageId),
      messageSeq: event.type === 'SYSTEM' ? int(p.seq) : null,
      regenerates: str(p.regenerates),
      title: str(p.title),
      fromSeq: int(p.fromSeq),
      toSeq: int(p.toSeq),
    };
  }
}
