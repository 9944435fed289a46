import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { argumentBoundsMiddleware } from './limits/argument-bounds.middleware';
import type { GraphQLContext } from './context.type';
import { rateLimitMiddleware } from './rate-limit.middleware';

/** What each query and mutation runs before its resolver: rate limits first (a malformed request still spends the budget), then ids and page bounds. */
const ROOT_FIELD: MiddlewareFn<GraphQLContext>[] = [rateLimitMiddleware, argumentBoundsMiddleware];
/** What any other field that takes arguments runs. */
const FIELD_WITH_ARGUMENTS: MiddlewareFn<GraphQLContext>[] = [argumentBoundsMiddleware];

/** Resolver methods given their middlewares in this process, by class (type-graphql's metadata is process-wide too). */
const attached = new WeakMap<Function, Set<string>>();

/**
 * Attaches the API's middlewares to the fields where they act, as `@UseMiddleware` on each
 * would: rate limits and argument bounds on every query and mutation, argument bounds on every
 * other field that takes arguments (a field resolver's, or an object type method's, `@Arg` or
 * `@Args`). Not buildSchema's `globalMiddlewares`: type-graphql runs those around every field,
 * each plain property included, as an async dispatch per field of every result and of every
 * streamed subscription event; a field with no middleware of its own is resolved without that
 * chain. As global ones did, they run after @Authorized's check (type-graphql puts it first).
 * Subscription root fields get none: their resolve runs once per event; they are counted
 * (countSubscriptionsOnce) and their arguments checked (checkSubscriptionArgumentsOnce) where
 * subscribed.
 *
 * Call before buildSchema; calling again (another build) adds nothing.
 */
export function attachFieldMiddlewares(resolvers: readonly Function[]): void {
  const storage = getMetadataStorage();
  for (const handler of [...storage.queries, ...storage.mutations]) {
    if (resolvers.includes(handler.target)) attach(handler.target, handler.methodName, ROOT_FIELD);
  }
  // Internal field resolvers are object type methods (`@Field() x(@Arg…)`), part of any schema.
  for (const field of storage.fieldResolvers) {
    if ((field.kind === 'internal' || resolvers.includes(field.target)) && takesArguments(field.target, field.methodName)) {
      attach(field.target, field.methodName, FIELD_WITH_ARGUMENTS);
    }
  }
}

/** Whether the method's field has GraphQL arguments, as type-graphql derives them from its parameters. */
function takesArguments(target: Function, methodName: string): boolean {
  return getMetadataStorage().params.some(
    (param) => param.target === target && param.methodName === methodName && (param.kind === 'arg' || param.kind === 'args' || (param.kind === 'custom' && param.options.arg !== undefined)),
  );
}

function attach(target: Function, methodName: string, middlewares: MiddlewareFn<GraphQLContext>[]): void {
  const methods = attached.get(target) ?? new Set<string>();
  attached.set(target, methods);
  if (methods.has(methodName)) return;
  methods.add(methodName);
  UseMiddleware(middlewares)(target.prototype as object, methodName);
}
