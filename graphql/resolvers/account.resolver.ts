import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import type { AccountEvent } from '../../src/domain/accounts/account-events';
import { accountTopic } from '../../src/domain/accounts/account-events';
import { logIn } from '../../src/domain/accounts/log-in';
import { logOut } from '../../src/domain/accounts/log-out';
import { refreshSession } from '../../src/domain/accounts/refresh-session';
import { registerAccount } from '../../src/domain/accounts/register-account';
import { signInWithIdToken } from '../../src/domain/accounts/sign-in-with-id-token';
import { IdentityProvider } from '../../src/domain/accounts/user-identity.entity';
import { changePassword } from '../../src/domain/accounts/change-password';
import { monthlyUsage } from '../../src/domain/accounts/monthly-usage';
import { setUserPlan } from '../../src/domain/accounts/set-user-plan';
import { updateProfile } from '../../src/domain/accounts/update-profile';
import { enforceRateLimit } from '../../src/domain/rate-limits/enforce-rate-limit';
import { ForbiddenError, UnauthenticatedError } from '../../src/domain/errors';
import { Role } from '../../src/domain/tiers';
import {
  ChangePasswordInput,
  InviteAnalystInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SetUserPlanInput,
  UpdateMyProfileInput,
  VerifyEmailInput,
} from '../inputs/account-self-service.input';
import { RefreshSessionInput, SignInWithIdTokenInput } from '../inputs/sign-in.input';
import {
  ChangePasswordPayload,
  InviteAnalystPayload,
  LogoutPayload,
  RequestEmailVerificationPayload,
  RequestPasswordResetPayload,
  ResetPasswordPayload,
  SetUserPlanPayload,
  UpdateMyProfilePayload,
  VerifyEmailPayload,
} from '../types/account.payload';
import { requestEmailVerification, verifyEmail } from '../../src/domain/accounts/email-verification';
import { inviteAnalyst } from '../../src/domain/accounts/invite-analyst';
import { requestPasswordReset, resetPassword } from '../../src/domain/accounts/password-reset';
import type { SelfServiceDeps } from '../../src/domain/accounts/self-service-deps';
import { MonthlyUsageType } from '../types/monthly-usage.type';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { LoginInput } from '../inputs/login.input';
import { RegisterInput } from '../inputs/register.input';
import { accountDeps } from '../account-deps';
import { AccountEventKind, AccountEventType } from '../types/account-event.type';
import { AuthPayloadType } from '../types/auth-payload.type';
import { UserType } from '../types/user.type';

registerEnumType(IdentityProvider, {
  name: 'IdentityProvider',
  description: 'An OpenID Connect provider SoulLink accepts id tokens from.',
  valuesConfig: {
    GOOGLE: { description: 'Sign in with Google.' },
    APPLE: { description: 'Sign in with Apple.' },
  },
});

@Resolver(() => UserType)
export class AccountResolver {
  @Authorized()
  @Query(() => UserType, { description: 'The signed-in account.' })
  me(@Ctx() ctx: AuthedContext): UserType {
    return UserType.from(ctx.principal.user);
  }

  @Mutation(() => AuthPayloadType, { description: 'Create an account with email and password, and sign in.' })
  async register(@Arg('input', () => RegisterInput, { description: 'The new account’s email, password and display name.' }) input: RegisterInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await registerAccount(accountDeps(ctx), input, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Sign in with email and password.' })
  async login(@Arg('input', () => LoginInput, { description: 'Email and password.' }) input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await logIn(accountDeps(ctx), input, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Sign in with an OIDC id token from Apple or Google.' })
  async signInWithIdToken(@Arg('input', () => SignInWithIdTokenInput, { description: 'The provider and its id token.' }) input: SignInWithIdTokenInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await signInWithIdToken(accountDeps(ctx), input.provider, { idToken: input.idToken }, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Exchange a refresh token for a new token pair (the old one stops working).' })
  async refreshSession(@Arg('input', () => RefreshSessionInput, { description: 'The refresh token to exchange.' }) input: RefreshSessionInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await refreshSession(accountDeps(ctx), { refreshToken: input.refreshToken }));
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: 'End the current session: its refresh and access tokens stop working.' })
  async logout(@Ctx() ctx: AuthedContext): Promise<LogoutPayload> {
    await logOut(accountDeps(ctx), ctx.principal.sessionId);
    return { endedSessionId: ctx.principal.sessionId };
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, { description: 'Change the password (the current one is required). Every other session of the account ends; this one stays signed in.' })
  async changePassword(@Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput, @Ctx() ctx: AuthedContext): Promise<ChangePasswordPayload> {
    // Per account, like login: a stolen access token must not become a password oracle.
    await perAccountLimit(ctx, `user:${ctx.principal.user.id}`);
    return { endedSessionCount: await changePassword(accountDeps(ctx), { userId: ctx.principal.user.id, sessionId: ctx.principal.sessionId }, input) };
  }

  @Authorized()
  @Mutation(() => UpdateMyProfilePayload, { description: "Edit the signed-in account's profile (display name)." })
  async updateMyProfile(@Arg('input', () => UpdateMyProfileInput, { description: 'The profile fields to set.' }) input: UpdateMyProfileInput, @Ctx() ctx: AuthedContext): Promise<UpdateMyProfilePayload> {
    return { user: UserType.from(await updateProfile(ctx.em, ctx.principal.user.id, input)) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SetUserPlanPayload, { description: "Admins: set a user's tier and/or role. New limits apply at once, to running sessions too." })
  async setUserPlan(@Arg('input', () => SetUserPlanInput, { description: 'The account and its new tier and/or role.' }) input: SetUserPlanInput, @Ctx() ctx: AuthedContext): Promise<SetUserPlanPayload> {
    const { userId, tier, role } = input;
    return { user: UserType.from(await setUserPlan(ctx.em, ctx.principal.user.id, userId, { tier, role })) };
  }

  @Mutation(() => RequestPasswordResetPayload, { description: 'Email a password-reset link (valid 30 minutes) to this address if it has an account. Always answers accepted, so it does not reveal who has one.' })
  async requestPasswordReset(@Arg('input', () => RequestPasswordResetInput, { description: 'Where to send the link.' }) input: RequestPasswordResetInput, @Ctx() ctx: GraphQLContext): Promise<RequestPasswordResetPayload> {
    // Per address as well as per client: nobody floods one inbox.
    await perAccountLimit(ctx, `reset:${input.email.trim().toLowerCase()}`);
    await requestPasswordReset(selfServiceDeps(ctx), { email: input.email });
    return { accepted: true };
  }

  @Mutation(() => ResetPasswordPayload, { description: 'Set a new password with the code from a reset or invitation email. The code works once; every session of the account ends.' })
  async resetPassword(@Arg('input', () => ResetPasswordInput, { description: 'The emailed code and the new password.' }) input: ResetPasswordInput, @Ctx() ctx: GraphQLContext): Promise<ResetPasswordPayload> {
    await resetPassword(selfServiceDeps(ctx), input);
    return { passwordReset: true };
  }

  @Authorized()
  @Mutation(() => RequestEmailVerificationPayload, { description: 'Email the signed-in user a link (valid 24 hours) to confirm their address; `sent` is false when it is confirmed already.' })
  async requestEmailVerification(@Ctx() ctx: AuthedContext): Promise<RequestEmailVerificationPayload> {
    await perAccountLimit(ctx, `verify:${ctx.principal.user.id}`);
    return { sent: await requestEmailVerification(selfServiceDeps(ctx), ctx.principal.user.id) };
  }

  @Mutation(() => VerifyEmailPayload, { description: 'Confirm an email address with the code from the verification email. The code works once.' })
  async verifyEmail(@Arg('input', () => VerifyEmailInput, { description: 'The code from the email.' }) input: VerifyEmailInput, @Ctx() ctx: GraphQLContext): Promise<VerifyEmailPayload> {
    return { user: UserType.from(await verifyEmail(selfServiceDeps(ctx), { token: input.token })) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InviteAnalystPayload, { description: 'Admins: create an ANALYST account and email the invitee a link (valid 72 hours) to choose their password.' })
  async inviteAnalyst(@Arg('input', () => InviteAnalystInput, { description: 'Who to invite.' }) input: InviteAnalystInput, @Ctx() ctx: AuthedContext): Promise<InviteAnalystPayload> {
    return { user: UserType.from(await inviteAnalyst(selfServiceDeps(ctx), input)) };
  }

  @FieldResolver(() => MonthlyUsageType, { description: "Model tokens used and left this month. Readable by the account itself and by admins." })
  async usage(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<MonthlyUsageType> {
    const viewer = ctx.principal?.user;
    if (!viewer) throw new UnauthenticatedError();
    if (viewer.id !== user.id && viewer.role !== Role.ADMIN) throw new ForbiddenError();
    return Object.assign(new MonthlyUsageType(), await monthlyUsage(ctx.services, { id: user.id, tier: user.tier }));
  }

  @Authorized()
  @Subscription(() => AccountEventType, {
    description: 'Events about the signed-in account, such as a session being revoked.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.principal) throw new UnauthenticatedError();
      return ctx.services.events.subscribe<AccountEvent>(accountTopic(ctx.principal.user.id));
    },
  })
  accountEvents(@Root() event: AccountEvent): AccountEventType {
    return Object.assign(new AccountEventType(), { ...event, type: AccountEventKind[event.type], at: new Date(event.at) });
  }
}

/** The account-email flows' dependencies from a request context. */
function selfServiceDeps(ctx: GraphQLContext): SelfServiceDeps {
  const { events, email, accountTokens, clock, config } = ctx.services;
  return { em: ctx.em, events, email, accountTokens, clock, appUrl: config.appUrl };
}

/** The per-account budget login uses (loginAccount), for the other password and email flows. */
function perAccountLimit(ctx: GraphQLContext, subject: string): Promise<void> {
  const { rateLimiter, rateRules, logger } = ctx.services;
  return enforceRateLimit({ limiter: rateLimiter, rules: rateRules, logger }, 'loginAccount', subject);
}
