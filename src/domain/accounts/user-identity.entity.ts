import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { User } from './user.entity';

export enum IdentityProvider {
  GOOGLE = 'GOOGLE',
  APPLE = 'APPLE',
}

/** A verified external identity (OIDC `iss` + `sub`) linked to an account. */
@Entity({ tableName: 'user_identities' })
@Unique({ properties: ['provider', 'subject'] })
export class UserIdentity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  @Index()
  user!: Ref<User>;

  @Enum({ items: () => IdentityProvider, nativeEnumName: 'identity_provider' })
  provider!: IdentityProvider;

  @Property({ type: 'string', length: 255 })
  subject!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
