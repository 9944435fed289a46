import type { AccountDeps } from '../src/domain/accounts/account-deps';
import type { GraphQLContext } from './context.type';

/** Account operations' dependencies from a request context. */
export function accountDeps(ctx: GraphQLContext): AccountDeps {
  const { accessTokens, idTokens, events, config, clock } = ctx.services;
  return { em: ctx.em, accessTokens, idTokens, events, refreshTokenTtlDays: config.auth.refreshTokenTtlDays, clock };
}
