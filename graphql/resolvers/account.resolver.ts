import { Arg, Authorized, Ctx, Mutation, Query, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import type { AccountEvent } from '../../src/domain/accounts/account-events';
import { accountTopic } from '../../src/domain/accounts/account-events';
import { logIn } from '../../src/domain/accounts/log-in';
import { logOut } from '../../src/domain/accounts/log-out';
import { refreshSession } from '../../src/domain/accounts/refresh-session';
import { registerAccount } from '../../src/domain/accounts/register-account';
import { signInWithIdToken } from '../../src/domain/accounts/sign-in-with-id-token';
import { IdentityProvider } from '../../src/domain/accounts/user-identity.entity';
import { UnauthenticatedError } from '../../src/domain/errors';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { LoginInput } from '../inputs/login.input';
import { RegisterInput } from '../inputs/register.input';
import { accountDeps } from '../account-deps';
import { AccountEventKind, AccountEventType } from '../types/account-event.type';
import { AuthPayloadType } from '../types/auth-payload.type';
import { UserType } from '../types/user.type';

registerEnumType(IdentityProvider, { name: 'IdentityProvider' });

@Resolver()
export class AccountResolver {
  @Authorized()
  @Query(() => UserType, { description: 'The signed-in account.' })
  me(@Ctx() ctx: AuthedContext): UserType {
    return UserType.from(ctx.principal.user);
  }

  @Mutation(() => AuthPayloadType, { description: 'Create an account with email and password, and sign in.' })
  async register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await registerAccount(accountDeps(ctx), input, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Sign in with email and password.' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await logIn(accountDeps(ctx), input, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Sign in with an OIDC id token from Apple or Google.' })
  async signInWithIdToken(
    @Arg('provider', () => IdentityProvider) provider: IdentityProvider,
    @Arg('idToken') idToken: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await signInWithIdToken(accountDeps(ctx), provider, { idToken }, { userAgent: ctx.userAgent }));
  }

  @Mutation(() => AuthPayloadType, { description: 'Exchange a refresh token for a new token pair (the old one stops working).' })
  async refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await refreshSession(accountDeps(ctx), { refreshToken }));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'End the current session: its refresh and access tokens stop working.' })
  async logout(@Ctx() ctx: AuthedContext): Promise<boolean> {
    await logOut(accountDeps(ctx), ctx.principal.sessionId);
    return true;
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
