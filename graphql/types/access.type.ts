import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { AccessGrant } from '../../src/domain/access/access-grant.entity';
import { AuditOutcome, type AuditEvent } from '../../src/domain/access/audit-event.entity';
import { ResourceKind } from '../../src/domain/access/resource-kind';

registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'What can be shared with an analyst. A chat includes its messages; a simulation its report.',
  valuesConfig: {
    PERSONA: { description: 'A persona with its profiles.' },
    CHAT: { description: 'A chat with its messages.' },
    SIMULATION: { description: 'A simulation with its report.' },
    MEMORY: { description: 'What the agents remember about the owner.' },
    USAGE: { description: 'Model usage and cost.' },
    STUDY_DATASET: { description: 'A validation study dataset (owner-only for now).' },
    STUDY: { description: 'A validation study and its report (owner-only for now).' },
    MATCH_MODEL: { description: 'A match model and its validity card (owner-only for now).' },
    MEDIA: { description: 'An uploaded file (image or audio).' },
  },
});
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an access by someone other than the owner ended.',
  valuesConfig: {
    SHARED: { description: 'An analyst read something its owner shared with them.' },
    ADMIN: { description: 'An admin read another user’s data.' },
    DENIED: { description: 'Someone asked for another user’s data (or an id that does not exist) and got nothing.' },
  },
});

@ObjectType('AccessGrant', { description: 'You let an analyst read one object, or every object of a kind; read-only, audited, revocable.' })
export class AccessGrantType {
  @Field(() => ID, { description: 'The grant’s id (revokeAccess takes it).' })
  id!: string;

  @Field(() => ResourceKind, { description: 'The kind of object shared.' })
  kind!: ResourceKind;

  @Field(() => ID, { nullable: true, description: 'Null: every object of the kind.' })
  resourceId!: string | null;

  @Field({ description: 'Email of the user who shared.' })
  ownerEmail!: string;

  @Field({ description: 'Email of the analyst it was shared with.' })
  analystEmail!: string;

  @Field({ description: 'When it was granted.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was revoked; null while it is active.', nullable: true })
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
  @Field(() => ID, { description: 'The audit record’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The user who accessed the data.' })
  actorId!: string;

  @Field({ description: 'Their role at the time (USER, ANALYST or ADMIN).' })
  actorRole!: string;

  @Field(() => ID, { description: 'The owner of the data; null when the id asked for did not exist.', nullable: true })
  ownerId!: string | null;

  @Field(() => ResourceKind, { description: 'The kind of object accessed.' })
  kind!: ResourceKind;

  @Field(() => String, { description: 'The object’s id as asked for (null for a list read).', nullable: true })
  resourceId!: string | null;

  @Field({ description: '"read" or "write".' })
  action!: string;

  @Field(() => AuditOutcome, { description: 'Whether it was allowed, and why.' })
  outcome!: AuditOutcome;

  @Field({ description: 'When it happened.' })
  at!: Date;

  static from(event: AuditEvent): AuditEventType {
    return Object.assign(new AuditEventType(), { ...event });
  }
}
