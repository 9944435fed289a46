import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { enforceRateLimit } from '../src/domain/rate-limits/enforce-rate-limit';
import { RATE_CLASS_OF_FIELD } from '../src/domain/rate-limits/rate-limit-policy';
import type { GraphQLContext } from './context.type';

const ROOTS = new Set(['Query', 'Mutation']);

/**
 * Counts one operation of `fieldName`: the global budget per user (or address when signed
 * out), the field's class, and password attempts per account.
 */
async function countOperation(context: GraphQLContext, fieldName: string, args: Record<string, unknown>): Promise<void> {
  const { rateLimiter, rateRules, logger } = context.services;
  const deps = { limiter: rateLimiter, rules: rateRules, logger };
  const who = context.principal ? `user:${context.principal.user.id}` : `addr:${context.clientAddress ?? 'unknown'}`;
  await enforceRateLimit(deps, 'global', who);
  const rateClass = RATE_CLASS_OF_FIELD[fieldName];
  if (rateClass === 'auth') await enforceRateLimit(deps, 'auth', `addr:${context.clientAddress ?? 'unknown'}`);
  else if (rateClass) await enforceRateLimit(deps, rateClass, who);
  if (fieldName === 'login') {
    const email = String((args.input as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase();
    if (email) await enforceRateLimit(deps, 'loginAccount', `email:${email}`);
  }
}

/**
 * Rate limits in one place, for every root field of queries and mutations (attached to those
 * alone by attachFieldMiddlewares; the check of the parent type keeps it to root fields wherever
 * it is attached). A subscription's root field resolves once per event, so subscriptions are
 * counted where they are subscribed instead (countSubscriptionsOnce): a streamed reply must not
 * spend the user's budget chunk by chunk.
 */
export const rateLimitMiddleware: MiddlewareFn<GraphQLContext> = ({ context, info, args }, next) => {
  if (!ROOTS.has(info.parentType.name)) return next();
  return countOperation(context, info.fieldName, args).then(next);
};

/**
 * Counts each subscription once, when it is subscribed, as one operation against the same
 * budgets as a query or mutation; its events are not counted (type-graphql's middlewares run
 * only in the per-event resolve, so they cannot do this). Over budget, the subscription is
 * refused with RATE_LIMITED before anything is opened. Wraps the schema's subscribe functions
 * in place and returns the schema.
 */
export function countSubscriptionsOnce(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe: GraphQLFieldResolver<unknown, unknown> | undefined = field.subscribe;
    if (!subscribe) continue;
    field.subscribe = async (source, args: Record<string, unknown>, context, info) => {
      await countOperation(context as GraphQLContext, info.fieldName, args);
      return subscribe(source, args, context, info);
    };
  }
  return schema;
}
