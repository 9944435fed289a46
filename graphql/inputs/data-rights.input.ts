import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Your confirmation that the account is to be erased.' })
export class DeleteMyAccountInput {
  @Field({ description: 'Your account’s email address, typed again, to confirm.' })
  confirmEmail!: string;
}
