import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { ResourceKind } from './resource-kind';

export enum AuditOutcome {
  /** An analyst read something its owner shared with them. */
  SHARED = 'SHARED',
  /** An admin read another user's data. */
  ADMIN = 'ADMIN',
  /** Someone asked for another user's data (or an id that does not exist) and got nothing. */
  DENIED = 'DENIED',
}

/**
 * One access to data by someone other than its owner. Ids only, never content. No foreign
 * keys: the trail outlives the accounts it mentions (erasure deletes the rows that name the
 * erased user as owner or actor).
 */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['ownerId', 'at'] })
@Index({ properties: ['actorId', 'at'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ properties: ['ownerId', 'at', 'id'] })
@Index({ properties: ['actorId', 'at', 'id'] })
export class AuditEvent {
  [OptionalProps]?: 'at' | 'ownerId' | 'resourceId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'string', length: 16 })
  actorRole!: string;

  /** Null when the id named nothing (a guess, a deleted object). */
  @Property({ type: 'uuid', nullable: true })
  ownerId: string | null = null;

  @Enum({ items: () => ResourceKind, nativeEnumName: 'resource_kind' })
  kind!: ResourceKind;

  @Property({ type: 'string', length: 100, nullable: true })
  resourceId: string | null = null;

  /** read or write */
  @Property({ type: 'string', length: 8 })
  action!: string;

  @Enum({ items: () => AuditOutcome, nativeEnumName: 'audit_outcome' })
  outcome!: AuditOutcome;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}
