import type { GraphQLSchema } from 'graphql';
import { argumentBoundsOf } from './argument-bounds.middleware';

/**
 * Subscription arguments get the checks queries and mutations get (argumentBoundsMiddleware:
 * ids are UUIDs, no NUL in strings, page bounds), once, when subscribed: a malformed id is
 * refused with VALIDATION_FAILED before `subscribe` looks anything up. Not as a middleware:
 * type-graphql runs those in a subscription root field's resolve, once per event, which the
 * checks leave alone (the websocket server's event plans stay as they are). Runs inside
 * countSubscriptionsOnce when applied before it, as for queries (a malformed request still
 * spends the budget), but before @Authorized's check, which type-graphql puts inside the
 * field's subscribe. Wraps the schema's subscribe functions in place and returns the schema.
 */
export function checkSubscriptionArgumentsOnce(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe = field.subscribe;
    const check = argumentBoundsOf(field);
    if (!subscribe || !check) continue;
    field.subscribe = (source, args: Record<string, unknown>, context, info) => {
      check(args);
      return subscribe(source, args, context, info);
    };
  }
  return schema;
}
