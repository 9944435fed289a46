import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, subscribe, type ExecutionResult, type GraphQLError } from 'graphql';
import { DEFAULT_RATE_RULES } from '../src/domain/rate-limits/rate-limit-policy';
import { InProcessRateLimiter } from '../src/stores/rate-limit/in-process-rate-limiter';
import { buildAppSchema } from './build-schema';
import type { GraphQLContext } from './context.type';
import { countSubscriptionsOnce } from './rate-limit.middleware';

/** A context as the websocket server builds it, signed in, with a global budget of `limit` operations. */
function contextWith(limiter: InProcessRateLimiter, limit: number): GraphQLContext {
  return {
    principal: { user: { id: 'user-1' } },
    clientAddress: '127.0.0.1',
    // A subscription refused by its rate limit never reaches the database.
    em: new Proxy({}, { get: () => { throw new Error('the database was used'); } }),
    services: {
      rateLimiter: limiter,
      rateRules: { ...DEFAULT_RATE_RULES, global: { limit, windowMs: 60_000 } },
      logger: { warn: () => undefined },
    },
  } as unknown as GraphQLContext;
}

/** A schema with one subscription that delivers `events` events. */
function tickingSchema(events: number): GraphQLSchema {
  const query = new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } });
  const subscription = new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      ticks: {
        type: GraphQLString,
        subscribe: async function* () {
          for (let i = 0; i < events; i++) yield { ticks: `tick ${i}` };
        },
      },
    },
  });
  return countSubscriptionsOnce(new GraphQLSchema({ query, subscription }));
}

/** The domain error's code, as the API reports it (graphql-js wraps what a resolver throws). */
const codeOf = (error: GraphQLError | undefined) => (error?.originalError as { code?: string } | undefined)?.code ?? error?.message;

async function ticks(schema: GraphQLSchema, context: GraphQLContext): Promise<{ events: string[]; errorCode?: unknown }> {
  const result = await subscribe({ schema, document: parse('subscription { ticks }'), contextValue: context });
  if (!(Symbol.asyncIterator in result)) return { events: [], errorCode: codeOf((result as ExecutionResult).errors?.[0]) };
  const events: string[] = [];
  for await (const event of result) {
    if (event.errors?.length) return { events, errorCode: codeOf(event.errors[0]) };
    events.push(String(event.data?.ticks));
  }
  return { events };
}

describe('Rate limits on subscriptions', () => {
  it('When a subscription delivers more events than the global budget, Then every event arrives: the subscription counts once, when subscribed', async () => {
    const limiter = new InProcessRateLimiter();
    const context = contextWith(limiter, 3);
    const schema = tickingSchema(10);
    expect((await ticks(schema, context)).events).toHaveLength(10);
    expect((await ticks(schema, context)).events).toHaveLength(10);
    expect((await ticks(schema, context)).events).toHaveLength(10);
    // The fourth subscription is the fourth operation of the minute.
    expect(await ticks(schema, context)).toEqual({ events: [], errorCode: 'RATE_LIMITED' });
  });

  it('When the budget is spent, Then the app schema refuses chatEvents with RATE_LIMITED before it looks up the chat', async () => {
    const schema = await buildAppSchema();
    const limiter = new InProcessRateLimiter();
    const context = contextWith(limiter, 1);
    await limiter.hit('global:user:user-1', 1, 60_000);
    const result = await subscribe({
      schema,
      document: parse('subscription { chatEvents(sessionId: "00000000-0000-4000-8000-000000000000") { seq } }'),
      contextValue: context,
    });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.map(codeOf)).toEqual(['RATE_LIMITED']);
  });
});

describe('Rate limits on queries and mutations', () => {
  it('When the app schema runs root fields, Then @Authorized refuses the signed-out first (uncounted), each signed-in operation counts once, and over budget a malformed one is RATE_LIMITED', async () => {
    const schema = await buildAppSchema();
    const limiter = new InProcessRateLimiter();
    const run = async (query: string, context: GraphQLContext) => ((await execute({ schema, document: parse(query), contextValue: context })).errors ?? []).map(codeOf);
    const signedOut = { ...contextWith(limiter, 1), principal: undefined } as GraphQLContext;
    expect(await run('{ chatSession(id: "nope") { id } }', signedOut)).toEqual(['UNAUTHENTICATED']);
    expect(await run('{ chatSession(id: "nope") { id } }', signedOut)).toEqual(['UNAUTHENTICATED']);
    // The user's one operation of the minute: spent, though its id is malformed.
    expect(await run('{ chatSession(id: "nope") { id } }', contextWith(limiter, 1))).toEqual(['VALIDATION_FAILED']);
    expect(await run('{ chatSession(id: "nope") { id } }', contextWith(limiter, 1))).toEqual(['RATE_LIMITED']);
  });
});
