import { Field, ID, InputType } from 'type-graphql';
import { Role, Tier } from '../../src/domain/tiers';

// Rules (lengths, formats) are enforced in src/domain/accounts/account-input.ts so every
// entry point shares them.
@InputType({ description: 'A new password, proven by the current one.' })
export class ChangePasswordInput {
  @Field({ description: 'The password the account has now.' })
  currentPassword!: string;

  @Field({ description: 'The new password: at least 10 characters.' })
  newPassword!: string;
}

@InputType('UpdateMyProfileInput', { description: 'What a user may change about their own account.' })
export class UpdateMyProfileInput {
  @Field({ description: 'The name shown in the app: 1–80 characters.' })
  displayName!: string;
}

@InputType({ description: "An admin's change to a user's tier and/or role; at least one." })
export class SetUserPlanInput {
  @Field(() => ID, { description: 'The account to change.' })
  userId!: string;

  @Field(() => Tier, { nullable: true, description: 'The new tier; its limits apply at once.' })
  tier?: Tier | null;

  @Field(() => Role, { nullable: true, description: 'The new role (ANALYST reads pseudonymised research data; ADMIN manages accounts).' })
  role?: Role | null;
}

@InputType({ description: 'A new password set with the one-time code from a reset or invitation email.' })
export class ResetPasswordInput {
  @Field({ description: 'The code from the email (the `token` of its link).' })
  token!: string;

  @Field({ description: 'The new password: at least 10 characters.' })
  newPassword!: string;
}

@InputType({ description: 'An analyst to invite; they choose their password from the emailed link.' })
export class InviteAnalystInput {
  @Field({ description: "The invitee's email address." })
  email!: string;

  @Field({ description: 'The name shown in the app: 1–80 characters.' })
  displayName!: string;
}

@InputType({ description: 'Where to send a password-reset link.' })
export class RequestPasswordResetInput {
  @Field({ description: 'The account’s email address.' })
  email!: string;
}

@InputType({ description: 'The code that confirms an email address.' })
export class VerifyEmailInput {
  @Field({ description: 'The code from the verification email (the `token` of its link).' })
  token!: string;
}
