import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Persona } from '../personas/persona.entity';
import { ChatPolicy } from './chat-policy';

/**
 * A live chat between a user and the partner agent of one of their PARTNER personas. The
 * messages' text lives in the transcript store; the rows here and in chat_messages hold
 * order, status and versions.
 */
@Entity({ tableName: 'chat_sessions' })
@Index({ properties: ['owner', 'lastActivityAt'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ name: 'chat_sessions_owner_id_last_activity_at_id_index', expression: `create index "chat_sessions_owner_id_last_activity_at_id_index" on "chat_sessions" ("owner_id", "last_activity_at" desc, "id" asc)` })
@Index({ name: 'chat_sessions_owner_id_persona_id_last_activity_at_id_index', expression: `create index "chat_sessions_owner_id_persona_id_last_activity_at_id_index" on "chat_sessions" ("owner_id", "persona_id", "last_activity_at" desc, "id" asc)` })
export class ChatSession {
  [OptionalProps]?:
    | 'scenarioId'
    | 'title'
    | 'titleByUser'
    | 'policy'
    | 'parent'
    | 'forkedFromMessageId'
    | 'messageSeq'
    | 'messageCount'
    | 'memorySeq'
    | 'eventSeq'
    | 'replyLeaseUntil'
    | 'replyLeaseOwner'
    | 'shareTokenHash'
    | 'sharedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'lastActivityAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => Persona, { ref: true, deleteRule: 'cascade' })
  persona!: Ref<Persona>;

  /** A scenario template that frames the chat (e.g. a first date), or none. */
  @Property({ type: 'string', length: 100, nullable: true })
  scenarioId: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  title: string | null = null;

  /** The user renamed it: the automatic title never overwrites theirs. */
  @Property({ type: 'boolean' })
  titleByUser = false;

  @Enum({ items: () => ChatPolicy, nativeEnumName: 'chat_policy' })
  policy: ChatPolicy = ChatPolicy.ENQUEUE;

  /** The session this one was forked from (null after that session is deleted). */
  @ManyToOne(() => ChatSession, { ref: true, nullable: true, deleteRule: 'set null' })
  parent: Ref<ChatSession> | null = null;

  /** The parent's message the fork branches after. */
  @Property({ type: 'uuid', nullable: true })
  forkedFromMessageId: string | null = null;

  /** The last position given to a message; positions order the conversation. */
  @Property({ type: 'integer' })
  messageSeq = 0;

  /** Messages the user sees (sent messages and finished replies). */
  @Property({ type: 'integer' })
  messageCount = 0;

  /** Messages up to this position are summarised into long-term memory. */
  @Property({ type: 'integer' })
  memorySeq = 0;

  /** Chat events up to this seq existed (see session-events.ts): numbering never restarts below it. */
  @Property({ type: 'integer' })
  eventSeq = 0;

  /** One process at a time writes replies for a session: a lease, renewed while it works. */
  @Property({ type: 'timestamptz', nullable: true })
  replyLeaseUntil: Date | null = null;

  @Property({ type: 'string', length: 80, nullable: true })
  replyLeaseOwner: string | null = null;

  /** sha256 of the read-only share token (the token itself is shown once). */
  @Property({ type: 'string', length: 64, nullable: true, unique: true })
  shareTokenHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  sharedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  lastActivityAt: Date = new Date();
}
