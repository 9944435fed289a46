import { Field, ObjectType } from 'type-graphql';
import { AccessGrantType } from './access.type';

@ObjectType('GrantAccessPayload', { description: 'The result of grantAccess.' })
export class GrantAccessPayload {
  @Field(() => AccessGrantType, { description: 'The new grant.' })
  grant!: AccessGrantType;
}

@ObjectType('RevokeAccessPayload', { description: 'The result of revokeAccess.' })
export class RevokeAccessPayload {
  @Field(() => AccessGrantType, { description: 'The grant, with revokedAt set.' })
  grant!: AccessGrantType;
}
