import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Role, Tier } from '../tiers';

/** An account. Email is stored lower-cased; password hash is null for id-token-only accounts. */
@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?: 'tier' | 'role' | 'createdAt' | 'updatedAt' | 'passwordHash' | 'emailVerifiedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Property({ type: 'string', length: 80 })
  displayName!: string;

  @Enum({ items: () => Tier, nativeEnumName: 'user_tier' })
  tier: Tier = Tier.BASIC;

  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  @Index()
  role: Role = Role.USER;

  /** When the user proved they read this address (a verification or reset link); null: not yet. */
  @Property({ type: 'datetime', nullable: true })
  emailVerifiedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
