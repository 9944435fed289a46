import { Field, InputType } from 'type-graphql';

// Rules (lengths, formats) are enforced in src/domain/accounts/account-input.ts so every
// entry point shares them.
@InputType({ description: 'A new email-and-password account.' })
export class RegisterInput {
  @Field({ description: 'The email address to sign in with (unique).' })
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  password!: string;

  @Field({ description: 'The name shown in the app, 1–80 characters.' })
  displayName!: string;
}
