import { Field, ID, InputType } from 'type-graphql';
import { ResourceKind } from '../../src/domain/access/resource-kind';

@InputType({ description: 'What to let an analyst read.' })
export class GrantAccessInput {
  @Field({ description: 'Email of the ANALYST account to share with.' })
  analystEmail!: string;

  @Field(() => ResourceKind, { description: 'What kind of object to share.' })
  kind!: ResourceKind;

  @Field(() => ID, { description: 'The one object to share; leave out to share every object of the kind, present and future.', nullable: true })
  resourceId?: string | null;
}

@InputType({ description: 'The access grant to withdraw.' })
export class RevokeAccessInput {
  @Field(() => ID, { description: 'The grant (AccessGrant.id) to withdraw.' })
  grantId!: string;
}
