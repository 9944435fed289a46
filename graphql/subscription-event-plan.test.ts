import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, subscribe, type ExecutionResult, type GraphQLObjectType as ObjectType } from 'graphql';
import type { ChatEvent } from '../src/ports/chat-event-log.port';
import { buildAppSchema } from './build-schema';
import { eventOnlyResolve, subscribeWithEventPlans } from './subscription-event-plan';
import { ChatEventType } from './types/chat.type';

const at = '2026-12-06T05:00:00.123Z';
const event = (seq: number, type: ChatEvent['type'], payload: Record<string, unknown>): ChatEvent => ({ sessionId: 's', seq, at, type, payload });

/** Every kind of event a chat has, and some a plan cannot shape (graphql-js reports those). */
const EVENTS: ChatEvent[] = [
  event(1, 'SYSTEM', { kind: 'USER_MESSAGE', messageId: 'm1', clientMessageId: 'c1', seq: 4, replyId: 'r1' }),
  event(2, 'AI_CHUNK', { replyId: 'r1', index: 0, text: 'Hé 👋 "quoted"\n' }),
  event(3, 'AI_COMPLETE', { replyId: 'r1', messageId: 'm2', text: 'Hé', status: 'COMPLETE', tokenCount: 12, degraded: false, replaced: true }),
  event(4, 'SUGGESTIONS', { replyId: 'r1', replies: ['a', 7, 'b'], tip: 'tip' }),
  event(5, 'ERROR', { replyId: 'r1', code: 'AI_SERVICE_UNAVAILABLE', message: 'down', retryable: true, source: 'coach' }),
  event(6, 'SYSTEM', { kind: 'EVENTS_TRIMMED', fromSeq: 1, toSeq: 5 }),
  event(7, 'SYSTEM', { kind: 'SOMETHING_NEW', title: 't' }),
  // An unknown status: the enum refuses it, graphql-js reports the error with its path.
  event(8, 'AI_COMPLETE', { replyId: 'r1', status: 'BOGUS' }),
  // An Int out of range.
  event(9, 'AI_CHUNK', { replyId: 'r1', index: 2 ** 40, text: 'x' }),
];

const FIELDS = 'seq type at replyId index text messageId tokenCount degraded status suggestions tip code message retryable replaced errorSource systemKind clientMessageId messageSeq regenerates title fromSeq toSeq';

/** A schema with the API's ChatEvent type under two subscriptions: one marked (planned), one not (graphql-js executes each event; same name length, so error locations match). */
async function testSchema(): Promise<GraphQLSchema> {
  const chatEvent = (await buildAppSchema()).getType('ChatEvent') as ObjectType;
  const source = async function* () {
    yield* EVENTS;
  };
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        planned: { type: new GraphQLNonNull(chatEvent), subscribe: source, resolve: eventOnlyResolve((e: ChatEvent) => ChatEventType.from(e)) },
        classic: { type: new GraphQLNonNull(chatEvent), subscribe: source, resolve: (e: ChatEvent) => ChatEventType.from(e) },
      },
    }),
  });
}

async function results(schema: GraphQLSchema, query: string, run: typeof subscribeWithEventPlans): Promise<string[]> {
  const stream = await run({ schema, document: parse(query) });
  if (!(Symbol.asyncIterator in stream)) return [JSON.stringify(stream)];
  const out: string[] = [];
  for await (const result of stream as AsyncIterable<ExecutionResult>) out.push(JSON.stringify(result));
  return out;
}

describe('subscribeWithEventPlans', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await testSchema();
  });

  it.each([
    ['every field', `subscription { e: FIELD { ${FIELDS} } }`],
    ['aliases, __typename and a repeated field', 'subscription { e: FIELD { __typename n: seq type seq text t: text suggestions status index } }'],
    ['a directive (not planned)', 'subscription S($no: Boolean = false) { e: FIELD { seq text @include(if: $no) } }'],
    ['a fragment (not planned)', 'subscription { e: FIELD { ...F } } fragment F on ChatEvent { seq text }'],
  ])('Given %s, When each event is sent, Then the planned field gives exactly what graphql-js gives (errors included)', async (_name, query) => {
    const planned = await results(schema, query.replace('FIELD', 'planned'), subscribeWithEventPlans);
    const executed = await results(schema, query.replace('FIELD', 'classic'), subscribe);
    expect(planned).toHaveLength(EVENTS.length);
    expect(planned).toEqual(executed);
    // Where the out-of-range values are selected, graphql-js reported them.
    if (query.includes('status')) expect(planned.filter((r) => r.includes('"errors"'))).toHaveLength(2);
  });

  it('Given a planned subscription, When events are sent, Then graphql-js executes only those the plan cannot shape', async () => {
    const calls: number[] = [];
    const own = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          planned: {
            type: schema.getSubscriptionType()!.getFields().planned.type,
            subscribe: async function* () {
              yield* EVENTS;
            },
            // graphql-js passes (source, args, context, info); the plan passes the event alone.
            resolve: eventOnlyResolve((...args: unknown[]) => {
              calls.push(args.length);
              return ChatEventType.from(args[0] as ChatEvent);
            }),
          },
        },
      }),
    });
    await results(own, `subscription { planned { ${FIELDS} } }`, subscribeWithEventPlans);
    // Events 8 and 9 were tried by the plan, then executed by graphql-js.
    expect(calls).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 4]);
  });

  it('When the client stops the stream, Then the source is closed', async () => {
    let closed = false;
    const source = (async function* () {
      try {
        yield EVENTS[1];
        yield EVENTS[2];
      } finally {
        closed = true;
      }
    })();
    const own = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: { planned: { type: schema.getSubscriptionType()!.getFields().planned.type, subscribe: () => source, resolve: eventOnlyResolve((e: ChatEvent) => ChatEventType.from(e)) } },
      }),
    });
    const stream = (await subscribeWithEventPlans({ schema: own, document: parse('subscription { planned { seq text } }') })) as AsyncIterableIterator<ExecutionResult>;
    expect(JSON.stringify((await stream.next()).value)).toBe('{"data":{"planned":{"seq":2,"text":"Hé 👋 \\"quoted\\"\\n"}}}');
    await stream.return!(undefined);
    expect(closed).toBe(true);
  });
});
