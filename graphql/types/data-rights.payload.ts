import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('DeleteMyAccountPayload', { description: 'The result of deleteMyAccount.' })
export class DeleteMyAccountPayload {
  @Field(() => ID, { description: 'The id of the account that was erased.' })
  deletedUserId!: string;
}
