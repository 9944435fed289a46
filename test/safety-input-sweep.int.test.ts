import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema } from '../graphql/build-schema';
import { ChatEventsDocument, ChatSessionDocument, CreatePersonaDocument, SetPersonaConsentDocument, SimulationsDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import type { TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

const plenty = { limit: 1_000_000, windowMs: 60_000 };
let t: TestApp;
let stub: StubLlmServer;
let close: () => Promise<void>;
let schema: GraphQLSchema;
beforeAll(async () => {
  // The sweep sends well over a thousand requests as one user: no rate limit may answer for the code under test.
  const classes = ['global', 'auth', 'loginAccount', 'chat', 'simulation', 'analysis', 'import'];
  ({ t, stub, close } = await startAppWithStub({ RATE_LIMITS: JSON.stringify(Object.fromEntries(classes.map((c) => [c, plenty]))) }));
  schema = await buildAppSchema();
});
afterAll(() => close());

type Ids = Record<'persona' | 'self' | 'chat' | 'message' | 'simulation', string>;

/** A signed-in user owning one of everything, so valid fillers get past the ownership checks to the argument under test. */
async function owner(): Promise<{ token: string; ids: Ids }> {
  const { token, personaId, sessionId } = await userWithChat(t);
  await t.http.ok(SetPersonaConsentDocument, { input: { id: personaId, given: true } }, token);
  const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Sweeper' } }, token)).createPersona.persona;
  const w = watch(t, token, sessionId);
  const sent = await send(t, token, sessionId, 'hello there');
  await w.finished(sent.replyId!);
  await w.close();
  const sim = (await t.http.ok(StartSimulationDocument, { input: { selfPersonaId: self.id, partnerPersonaId: personaId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 6 } }, token)).startSimulation.simulation;
  return { token, ids: { persona: personaId, self: self.id, chat: sessionId, message: sent.message.id, simulation: sim.id } };
}

/** The caller's own id an id argument named like this takes. */
function ownId(name: string, ids: Ids): string {
  if (/self/i.test(name)) return ids.self;
  if (/persona/i.test(name)) return ids.persona;
  if (/session/i.test(name)) return ids.chat;
  if (/message/i.test(name)) return ids.message;
  if (/simulation/i.test(name)) return ids.simulation;
  return ids.persona;
}

/** The simplest valid value of a type, so a request fails (if at all) on the argument under test. */
function filler(type: GraphQLInputType, name: string, ids: Ids): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [filler(inner.ofType, name, ids)];
  const named = getNamedType(inner);
  if (isScalarType(named)) {
    if (named.name === 'ID') return ownId(name, ids);
    if (named.name === 'Int' || named.name === 'Float') return name === 'maxTurns' ? 6 : 1;
    if (named.name === 'Boolean') return true;
    if (named.name === 'JSONObject') return {};
    if (named.name === 'DateTimeISO' || named.name === 'DateTime') return new Date().toISOString();
    return name === 'clientMessageId' ? `sweep-${Math.random().toString(36).slice(2)}` : 'hello';
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, filler(f.type, f.name, ids)]));
  }
  return null;
}

const huge = 'x'.repeat(100_000);

/** Malformed values for a type: wrong formats, out-of-range numbers, empty and over-long text, unknown enum values, wrong types. */
function malformed(type: GraphQLInputType): unknown[] {
  const inner = getNullableType(type);
  if (isListType(inner)) return [...malformed(inner.ofType).slice(0, 4).map((v) => [v]), Array.from({ length: 5_000 }, () => 'x'), 'not-a-list-item'];
  const named = getNamedType(inner);
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID':
        return ['not-a-uuid', '', '   ', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", '../../etc/passwd', 'x'.repeat(5_000), 12];
      case 'Int':
        return [-1, 0, -2_147_483_648, 2_147_483_647, 'ten', 1.5];
      case 'Float':
        return [-1, 0, 1e308, -1e308, 'ten'];
      case 'Boolean':
        return ['yes'];
      case 'JSONObject':
        return ['text', [], { a: huge }, { a: '\u0000' }, { a: { b: { c: { d: { e: [1, { f: null }] } } } } }];
      default:
        return ['', '   ', huge, '\u0000\u0000', '\uD800 lone', '\u202Eevil', '2026-13-45T99:99:99Z'];
    }
  }
  if (isEnumType(named)) return ['NOT_A_VALUE', '', 'x'.repeat(1_000), 3];
  if (isInputObjectType(named)) return ['text', []];
  return [];
}

interface Case {
  field: string;
  at: string;
  value: unknown;
  query: string;
  variables: Record<string, unknown>;
}

/** One request per malformed value of each argument, and of each field of an input argument; every other required argument valid. */
function* casesOf(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, ids: Ids): Generator<Case> {
  const type = getNamedType(field.type);
  const selection = isObjectType(type) ? ' { __typename }' : '';
  const build = (arg: GraphQLArgument, value: unknown): Pick<Case, 'query' | 'variables'> => {
    const args = field.args.filter((a) => a === arg || isNonNullType(a.type));
    const variables = Object.fromEntries(args.map((a) => [a.name, a === arg ? value : filler(a.type, a.name, ids)]));
    const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    return { query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`, variables };
  };
  for (const arg of field.args) {
    for (const value of malformed(arg.type)) yield { field: field.name, at: arg.name, value, ...build(arg, value) };
    const named = getNamedType(arg.type);
    if (!isInputObjectType(named)) continue;
    const valid = filler(named, arg.name, ids) as Record<string, unknown>;
    for (const inner of Object.values(named.getFields())) {
      for (const value of malformed(inner.type)) {
        const input = { ...valid, [inner.name]: value };
        yield { field: field.name, at: `${arg.name}.${inner.name}`, value, ...build(arg, isListType(getNullableType(arg.type)) ? [input] : input) };
      }
    }
  }
}

const NEVER_SENT = new Set(['logout', 'deleteMyAccount']);

describe('Input sweep: every argument of every operation, given malformed values', () => {
  it('When a signed-in user sends malformed ids, limits, enums and strings to every query and mutation, Then no answer is INTERNAL', async () => {
    const { token, ids } = await owner();
    const internal: { field: string; at: string; value: string; status: number; codes: unknown[] }[] = [];
    const codes = new Map<string, number>();
    let sent = 0;
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(root.getFields())) {
        if (NEVER_SENT.has(field.name)) continue;
        for (const c of casesOf(kind, field, ids)) {
          const result = await t.http.raw({ query: c.query, variables: c.variables }, token);
          sent += 1;
          for (const e of result.errors ?? []) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
          const bad = result.status >= 500 || (result.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL');
          if (bad) internal.push({ field: c.field, at: c.at, value: JSON.stringify(c.value).slice(0, 60), status: result.status, codes: (result.errors ?? []).map((e) => e.extensions?.code) });
        }
      }
    }
    expect(internal).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    // The sweep reached the validation it is about, not only GraphQL's own type checks.
    expect(codes.get('VALIDATION_FAILED') ?? 0).toBeGreaterThan(100);
  }, 600_000);

  it('When a signed-in user subscribes with malformed values for every subscription argument, Then no answer is INTERNAL, the socket stays open and malformed ids are refused', async () => {
    const { token, ids } = await owner();
    const { client, closes } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const internal: { field: string; at: string; value: string; codes: unknown[] }[] = [];
    const codes = new Map<string, number>();
    let sent = 0;
    try {
      for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
        for (const c of casesOf('subscription', field, ids)) {
          // The first answer: an error result, a refusal, an end, or (for a value the API accepts) nothing for a while.
          const found = await new Promise<unknown[]>((resolve) => {
            const seen: unknown[] = [];
            const end = () => {
              clearTimeout(timer);
              unsubscribe();
              resolve(seen);
            };
            const timer = setTimeout(end, 300);
            const unsubscribe = client.subscribe(
              { query: c.query, variables: c.variables },
              {
                next: (result) => {
                  seen.push(...(result.errors ?? []).map((e) => e.extensions?.code));
                  if (result.errors?.length) end();
                },
                // graphql-ws reports a request that fails GraphQL's own validation as a list of errors.
                error: (err) => {
                  seen.push(...(Array.isArray(err) ? err.map((e: { extensions?: { code?: unknown } }) => e.extensions?.code ?? 'GRAPHQL_VALIDATION') : ['SOCKET']));
                  end();
                },
                complete: end,
              },
            );
          });
          sent += 1;
          for (const code of found) codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
          if (found.includes('INTERNAL') || found.includes('SOCKET')) internal.push({ field: c.field, at: c.at, value: JSON.stringify(c.value).slice(0, 60), codes: found });
        }
      }
    } finally {
      await client.dispose();
    }
    expect(internal).toEqual([]);
    expect(closes.filter((e) => e.code !== 1000)).toEqual([]);
    expect(sent).toBeGreaterThan(20);
    // Malformed ids reach the argument checks made when subscribing, not only GraphQL's own type checks.
    expect(codes.get('VALIDATION_FAILED') ?? 0).toBeGreaterThan(10);
  }, 120_000);

  it('When list filters get a malformed id or a page out of bounds, Then VALIDATION_FAILED names the argument and nothing runs', async () => {
    const { token } = await owner();
    const cases: [string, string][] = [
      ['{ chatSessions(partnerPersonaId: "not-a-uuid") { totalCount } }', 'partnerPersonaId'],
      ['{ simulations(partnerPersonaId: "not-a-uuid") { nodes { id } } }', 'partnerPersonaId'],
      ['{ simulations(first: -1) { nodes { id } } }', 'first'],
      ['{ simulations(first: 501) { nodes { id } } }', 'first'],
      ['{ simulations(after: "bm90IGEgY3Vyc29y") { nodes { id } } }', 'after'],
      ['{ chatSessions(first: 51) { totalCount } }', 'first'],
      ['{ chatSession(id: "") { id } }', 'id'],
      ['query { estimateSimulation(input: { selfPersonaId: "x", partnerPersonaId: "y" }) { episodes } }', 'input.selfPersonaId'],
    ];
    for (const [query, field] of cases) {
      const result = await t.http.raw<Record<string, unknown>>({ query }, token);
      expect({ query, code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field, data: result.data ?? null }).toEqual({ query, code: 'VALIDATION_FAILED', field, data: null });
    }
    // A valid filter still works.
    expect((await t.http.ok(SimulationsDocument, {}, token)).simulations.nodes.length).toBeGreaterThan(0);
  });
});

describe('Subscription arguments over graphql-ws', () => {
  it('When a chat is followed with a malformed id, Then the subscription is refused with the code a query with that id gets, and no event comes; the same socket then follows a real chat', async () => {
    const { token, sessionId } = await userWithChat(t);
    const queried = errorCode(await t.http.request(ChatSessionDocument, { id: 'not-a-uuid' }, token));
    expect(queried).toBe('VALIDATION_FAILED');

    const { client, closes } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      const refused = collect(client, ChatEventsDocument, { sessionId: 'not-a-uuid', afterSeq: 0 });
      // One result holding the refusal, no data, then the operation completes; the socket stays open.
      await refused.done;
      expect(refused.results).toEqual([{ errors: [expect.objectContaining({ path: ['chatEvents'], extensions: { code: queried, field: 'sessionId' } })] }]);
      expect(closes).toEqual([]);

      // A well-formed subscription on the same socket streams its chat as before.
      stub.reset();
      const chat = collect(client, ChatEventsDocument, { sessionId, afterSeq: 0 });
      chat.done.catch(() => undefined);
      const reply = await send(t, token, sessionId, 'hello there');
      const typesOfReply = () => chat.results.map((r) => r.data?.chatEvents).filter((e) => e?.replyId === reply.replyId).map((e) => e!.type);
      await eventually(() => typesOfReply().includes('AI_COMPLETE'), 10_000);
      expect(typesOfReply()).toContain('AI_CHUNK');
      expect(chat.results.flatMap((r) => r.errors ?? [])).toEqual([]);
      chat.unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});
