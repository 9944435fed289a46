import { GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, getNamedType, parse, subscribe, type ExecutionResult, type GraphQLError } from 'graphql';
import { DEFAULT_RATE_RULES } from '../../src/domain/rate-limits/rate-limit-policy';
import { InProcessRateLimiter } from '../../src/stores/rate-limit/in-process-rate-limiter';
import { buildAppSchema } from '../build-schema';
import type { GraphQLContext } from '../context.type';
import { checkSubscriptionArgumentsOnce } from './subscription-argument-bounds';

/** Signed in, a budget no test spends, and a database that fails if `subscribe` gets that far. */
function signedIn(): GraphQLContext {
  const generous = Object.fromEntries(Object.keys(DEFAULT_RATE_RULES).map((rateClass) => [rateClass, { limit: 1_000_000, windowMs: 60_000 }]));
  return {
    principal: { user: { id: '00000000-0000-4000-8000-000000000001', role: 'USER' } },
    clientAddress: '127.0.0.1',
    em: new Proxy({}, { get: () => { throw new Error('the database was used'); } }),
    services: { rateLimiter: new InProcessRateLimiter(), rateRules: generous, logger: { warn: () => undefined } },
  } as unknown as GraphQLContext;
}

/** The domain error's code and the argument it names, as the API reports them. */
const refusal = (error: GraphQLError | undefined) => {
  const original = error?.originalError as { code?: string; details?: { field?: string } } | undefined;
  return { code: original?.code ?? error?.message, field: original?.details?.field };
};

describe('checkSubscriptionArgumentsOnce', () => {
  it('When any subscription of the app schema is subscribed with a malformed id, Then it is refused with VALIDATION_FAILED naming the argument, before subscribe looks anything up', async () => {
    const schema = await buildAppSchema();
    const outcomes: Record<string, unknown> = {};
    for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
      const ids = field.args.filter((a) => getNamedType(a.type) === GraphQLID);
      if (ids.length === 0) continue;
      const args = ids.map((a) => `${a.name}: "not-a-uuid"`).join(', ');
      const result = await subscribe({ schema, document: parse(`subscription { ${field.name}(${args}) { __typename } }`), contextValue: signedIn() });
      outcomes[field.name] = Symbol.asyncIterator in result ? 'subscribed' : refusal((result as ExecutionResult).errors?.[0]);
    }
    expect(outcomes).toEqual({
      chatEvents: { code: 'VALIDATION_FAILED', field: 'sessionId' },
      simulationEvents: { code: 'VALIDATION_FAILED', field: 'simulationId' },
      studyProgress: { code: 'VALIDATION_FAILED', field: 'studyId' },
      personaAnalysisEvents: { code: 'VALIDATION_FAILED', field: 'personaId' },
    });
  });

  it('When a subscription is checked, Then the check runs in subscribe alone: the per-event resolve is the same function, and every event of a valid subscription arrives', async () => {
    const resolve = (event: unknown) => event;
    let subscribed = 0;
    const subscription = new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: {
          type: GraphQLString,
          args: { id: { type: new GraphQLNonNull(GraphQLID) } },
          resolve,
          subscribe: async function* () {
            subscribed++;
            for (let i = 0; i < 5; i++) yield `tick ${i}`;
          },
        },
        // An argument without bounds (an Int not named first or last): its subscribe is left as it is.
        plain: { type: GraphQLString, args: { n: { type: GraphQLInt } }, subscribe: async function* () {} },
      },
    });
    const query = new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } });
    const unchecked = new GraphQLSchema({ query, subscription });
    const { subscribe: plainSubscribe } = subscription.getFields().plain!;

    const schema = checkSubscriptionArgumentsOnce(unchecked);

    expect(subscription.getFields().ticks!.resolve).toBe(resolve);
    expect(subscription.getFields().plain!.subscribe).toBe(plainSubscribe);

    const refused = await subscribe({ schema, document: parse('subscription { ticks(id: "x") }') });
    expect(Symbol.asyncIterator in refused).toBe(false);
    expect(refusal((refused as ExecutionResult).errors?.[0])).toEqual({ code: 'VALIDATION_FAILED', field: 'id' });
    expect(subscribed).toBe(0);

    const stream = await subscribe({ schema, document: parse('subscription { ticks(id: "00000000-0000-4000-8000-000000000000") }') });
    const events: unknown[] = [];
    for await (const event of stream as AsyncIterableIterator<ExecutionResult>) events.push(event.data?.ticks);
    expect(events).toEqual(['tick 0', 'tick 1', 'tick 2', 'tick 3', 'tick 4']);
    expect(subscribed).toBe(1);
  });
});
