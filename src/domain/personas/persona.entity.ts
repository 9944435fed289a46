import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';

export enum PersonaKind {
  /** The user themself: played by the user-proxy agent. */
  SELF = 'SELF',
  /** A real or prospective partner: played by the partner-simulation agent. */
  PARTNER = 'PARTNER',
}

/**
 * A profile the agents play from. Owner-only: every lookup filters by owner, and another
 * user's persona answers PERSONA_NOT_FOUND.
 */
@Entity({ tableName: 'personas' })
@Index({ properties: ['owner', 'kind'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ properties: ['owner', 'createdAt', 'id'] })
export class Persona {
  [OptionalProps]?:
    | 'age'
    | 'gender'
    | 'relationshipContext'
    | 'description'
    | 'interests'
    | 'values'
    | 'goals'
    | 'dealbreakers'
    | 'consentGiven'
    | 'consentAt'
    | 'styleFingerprint'
    | 'importedMessageCount'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Enum({ items: () => PersonaKind, nativeEnumName: 'persona_kind' })
  kind!: PersonaKind;

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'integer', nullable: true })
  age: number | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  gender: string | null = null;

  /** e.g. "dating 3 months", "crush", "ex", "married 5 years". */
  @Property({ type: 'string', length: 120, nullable: true })
  relationshipContext: string | null = null;

  @Property({ type: 'text' })
  description = '';

  @Property({ type: 'json' })
  interests: string[] = [];

  @Property({ type: 'json' })
  values: string[] = [];

  @Property({ type: 'json' })
  goals: string[] = [];

  @Property({ type: 'json' })
  dealbreakers: string[] = [];

  /**
   * A PARTNER persona built from a real person's messages needs the user's statement that
   * they may use them; analysis and simulation refuse without it.
   */
  @Property({ type: 'boolean' })
  consentGiven = false;

  @Property({ type: 'datetime', nullable: true })
  consentAt: Date | null = null;

  /** Computed from imported messages without a model (src/domain/personas/style). */
  @Property({ type: 'json', nullable: true })
  styleFingerprint: Record<string, unknown> | null = null;

  @Property({ type: 'integer' })
  importedMessageCount = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
