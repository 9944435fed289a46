import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserType } from './user.type';

@ObjectType('LogoutPayload', { description: 'The result of logout.' })
export class LogoutPayload {
  @Field(() => ID, { description: 'The session that ended: its refresh and access tokens stop working.' })
  endedSessionId!: string;
}

@ObjectType('ChangePasswordPayload', { description: 'The result of changePassword.' })
export class ChangePasswordPayload {
  @Field(() => Int, { description: 'How many other sessions of the account ended (this one stays signed in).' })
  endedSessionCount!: number;
}

@ObjectType('UpdateMyProfilePayload', { description: 'The result of updateMyProfile.' })
export class UpdateMyProfilePayload {
  @Field(() => UserType, { description: 'The signed-in account with its new profile.' })
  user!: UserType;
}

@ObjectType('SetUserPlanPayload', { description: 'The result of setUserPlan.' })
export class SetUserPlanPayload {
  @Field(() => UserType, { description: 'The account with its new tier and/or role.' })
  user!: UserType;
}

@ObjectType('RequestPasswordResetPayload', { description: 'The result of requestPasswordReset.' })
export class RequestPasswordResetPayload {
  @Field({ description: 'Always true, whether or not the address has an account, so the answer does not reveal who has one.' })
  accepted!: boolean;
}

@ObjectType('ResetPasswordPayload', { description: 'The result of resetPassword.' })
export class ResetPasswordPayload {
  @Field({ description: 'True: the new password is set and every session of the account ended.' })
  passwordReset!: boolean;
}

@ObjectType('RequestEmailVerificationPayload', { description: 'The result of requestEmailVerification.' })
export class RequestEmailVerificationPayload {
  @Field({ description: 'True when a link was emailed; false when the address is confirmed already.' })
  sent!: boolean;
}

@ObjectType('VerifyEmailPayload', { description: 'The result of verifyEmail.' })
export class VerifyEmailPayload {
  @Field(() => UserType, { description: 'The account whose address is now confirmed.' })
  user!: UserType;
}

@ObjectType('InviteAnalystPayload', { description: 'The result of inviteAnalyst.' })
export class InviteAnalystPayload {
  @Field(() => UserType, { description: 'The new ANALYST account (it signs in once the invitee has chosen a password).' })
  user!: UserType;
}
