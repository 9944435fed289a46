import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { AccessGrant } from '../../src/domain/access/access-grant.entity';
import { AuditOutcome, type AuditEvent } from '../../src/domain/access/audit-event.entity';
import { ResourceKind } from '../../src/domain/access/resource-kind';

registerEnumType(ResourceKind, { name: 'ResourceKind', description: 'What can be shared with an analyst. A chat includes its messages; a simulation its report.' });
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

@ObjectType('AccessGrant', { description: 'You let an analyst read one object, or every object of a kind; read-only, audited, revocable.' })
export class AccessGrantType {
  @Field(() => ID)
  id!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => ID, { nullable: true, description: 'Null: every object of the kind.' })
  resourceId!: string | null;

  @Field()
  ownerEmail!: string;

  @Field()
  analystEmail!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  static from(grant: AccessGrant): AccessGrantType {
    return Object.assign(new AccessGrantType(), {
      id: grant.id,
      kind: grant.kind,
      resourceId: grant.resourceId,
      ownerEmail: grant.owner.getEntity().email,
      analystEmail: grant.grantee.getEntity().email,
      createdAt: grant.createdAt,
      revokedAt: grant.revokedAt,
    });
  }
}

@ObjectType('AuditEvent', { description: 'One access to data by someone other than its owner (ids only).' })
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  actorId!: string;

  @Field()
  actorRole!: string;

  @Field(() => ID, { nullable: true })
  ownerId!: string | null;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { nullable: true })
  resourceId!: string | null;

  @Field()
  action!: string;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field()
  at!: Date;

  static from(event: AuditEvent): AuditEventType {
    return Object.assign(new AuditEventType(), { ...event });
  }
}
