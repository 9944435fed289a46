import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { ResourceKind } from './resource-kind';

/**
 * A user lets one analyst read one of their objects (or every object of a kind), until they
 * revoke it. Read-only; every read through it is audited.
 */
@Entity({ tableName: 'access_grants' })
@Index({ properties: ['grantee', 'kind'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ properties: ['owner', 'createdAt', 'id'] })
@Index({ name: 'access_grants_grantee_id_created_at_id_index', expression: `create index "access_grants_grantee_id_created_at_id_index" on "access_grants" ("grantee_id", "created_at", "id") where "revoked_at" is null` })
export class AccessGrant {
  [OptionalProps]?: 'resourceId' | 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  grantee!: Ref<User>;

  @Enum({ items: () => ResourceKind, nativeEnumName: 'resource_kind' })
  kind!: ResourceKind;

  /** One object, or null for every object of the kind. */
  @Property({ type: 'uuid', nullable: true })
  resourceId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
