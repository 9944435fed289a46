import { Field, InputType } from 'type-graphql';

// Rules (lengths, formats) are enforced in src/domain/accounts/account-input.ts so every
// entry point shares them.
@InputType()
export class RegisterInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  password!: string;

  @Field()
  displayName!: string;
}
