import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { ChatSession } from './chat-session.entity';

export enum ChatRole {
  USER = 'USER',
  PARTNER = 'PARTNER',
}

export enum ChatMessageStatus {
  /** A user message, stored. */
  SENT = 'SENT',
  /** A reply waiting its turn (policy ENQUEUE, or behind another reply). */
  QUEUED = 'QUEUED',
  STREAMING = 'STREAMING',
  COMPLETE = 'COMPLETE',
  /** Stopped by a newer message (policy INTERRUPT); the text sent so far is kept. */
  INTERRUPTED = 'INTERRUPTED',
  /** Withdrawn by a newer message (policy ROLLBACK); never shown. */
  DISCARDED = 'DISCARDED',
  /** Every model failed before anything was said. */
  FAILED = 'FAILED',
}

/**
 * A message of a chat: its place (seq), who sent it, and its state. The text is in the
 * transcript store under (session id, message id). A regenerated reply is a new version at
 * the same seq; earlier versions stay as alternatives (`active` false).
 */
@Entity({ tableName: 'chat_messages' })
@Unique({ properties: ['session', 'seq', 'version'] })
@Unique({ properties: ['session', 'clientMessageId'] })
@Index({ properties: ['session', 'status'] })
@Index({ name: 'chat_messages_pending_index', expression: `create index "chat_messages_pending_index" on "chat_messages" ("session_id") where "status" in ('QUEUED', 'STREAMING')` })
export class ChatMessageRecord {
  [OptionalProps]?: 'version' | 'active' | 'replyTo' | 'clientMessageId' | 'tokenCount' | 'degraded' | 'createdAt' | 'completedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ChatSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<ChatSession>;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'integer' })
  version = 1;

  @Enum({ items: () => ChatRole, nativeEnumName: 'chat_role' })
  role!: ChatRole;

  @Enum({ items: () => ChatMessageStatus, nativeEnumName: 'chat_message_status' })
  status!: ChatMessageStatus;

  /** The version shown in the conversation. */
  @Property({ type: 'boolean' })
  active = true;

  /** For replies: the user message answered. */
  @Property({ type: 'uuid', nullable: true })
  replyTo: string | null = null;

  /** The client's idempotency key for a user message. */
  @Property({ type: 'string', length: 100, nullable: true })
  clientMessageId: string | null = null;

  @Property({ type: 'integer' })
  tokenCount = 0;

  /** Every model was down: the text is a short canned reply. */
  @Property({ type: 'boolean' })
  degraded = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;
}
