import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Persona } from './persona.entity';

/** One chat-log upload into a persona (the messages themselves live in the transcript store). */
@Entity({ tableName: 'chat_imports' })
export class ChatImport {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Persona, { ref: true, deleteRule: 'cascade' })
  @Index()
  persona!: Ref<Persona>;

  @Property({ type: 'string', length: 16 })
  format!: string;

  /** Which speaker in the log is the persona. */
  @Property({ type: 'string', length: 120 })
  personaSpeaker!: string;

  @Property({ type: 'integer' })
  parsedMessages!: number;

  @Property({ type: 'integer' })
  inserted!: number;

  @Property({ type: 'integer' })
  duplicates!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
