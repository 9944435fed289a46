import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Credentials of an email-and-password account.' })
export class LoginInput {
  @Field({ description: 'The account’s email address.' })
  email!: string;

  @Field({ description: 'The account’s password.' })
  password!: string;
}
