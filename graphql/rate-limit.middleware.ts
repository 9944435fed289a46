import type { MiddlewareFn } from 'type-graphql';
import { enforceRateLimit } from '../src/domain/rate-limits/enforce-rate-limit';
import { RATE_CLASS_OF_FIELD } from '../src/domain/rate-limits/rate-limit-policy';
import type { GraphQLContext } from './context.type';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Rate limits in one place, for every root field of every operation: the global budget per
 * user (or address when signed out), the field's class, and password attempts per account.
 */
export const rateLimitMiddleware: MiddlewareFn<GraphQLContext> = async ({ context, info, args }, next) => {
  if (!ROOTS.has(info.parentType.name)) return next();
  // A subscription's root field resolves once per event: a streamed reply must not spend the
  // user's budget chunk by chunk. Subscriptions are bounded by the per-user caps instead.
  if (info.operation.operation === 'subscription') return next();
  const { rateLimiter, rateRules, logger } = context.services;
  const deps = { limiter: rateLimiter, rules: rateRules, logger };
  const who = context.principal ? `user:${context.principal.user.id}` : `addr:${context.clientAddress ?? 'unknown'}`;
  await enforceRateLimit(deps, 'global', who);
  const rateClass = RATE_CLASS_OF_FIELD[info.fieldName];
  if (rateClass === 'auth') await enforceRateLimit(deps, 'auth', `addr:${context.clientAddress ?? 'unknown'}`);
  else if (rateClass) await enforceRateLimit(deps, rateClass, who);
  if (info.fieldName === 'login') {
    const email = String((args.input as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase();
    if (email) await enforceRateLimit(deps, 'loginAccount', `email:${email}`);
  }
  return next();
};
