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
import { CreatePersonaDocument, MeDocument, PersonaDocument, RegisterDocument, SetPersonaConsentDocument, StartSimulationDocument } from '../graphql/generated/graphql';
import { startAppWithStub } from './support/app-with-stub';
import { conversation, send, userWithChat, watch } from './support/chat-helpers';
import { newAccountInput, type TestApp } from './support/test-app';
import { wsClient } from './support/ws-client';

let t: TestApp;
let close: () => Promise<void>;
let schema: GraphQLSchema;
beforeAll(async () => {
  ({ t, close } = await startAppWithStub());
  schema = await buildAppSchema();
});
afterAll(() => close());

interface Victim {
  token: string;
  ids: Record<'user' | 'persona' | 'self' | 'chat' | 'message' | 'reply' | 'simulation' | 'memory', string>;
}

async function victim(): Promise<Victim> {
  const { token, personaId, sessionId } = await userWithChat(t);
  const userId = (await t.http.ok(MeDocument, {}, token)).me.id;
  await t.http.ok(SetPersonaConsentDocument, { input: { id: personaId, given: true } }, token);
  const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Victim' } }, token)).createPersona.persona;
  const w = watch(t, token, sessionId);
  const sent = await send(t, token, sessionId, 'secret words');
  await w.finished(sent.replyId!);
  await w.close();
  const sim = (await t.http.ok(StartSimulationDocument, { input: { selfPersonaId: self.id, partnerPersonaId: personaId, scenarioCount: 1, episodesPerScenario: 1, maxTurns: 6 } }, token)).startSimulation.simulation;
  const [vector] = await t.app.services.llm.embed(['The victim likes jazz.'], { agent: 'test', node: 'seed', purpose: 'test' });
  const memory = await t.app.services.memories.add({
    userId,
    personaId,
    view: 'partner',
    kind: 'FACT',
    text: 'The victim likes jazz.',
    importance: 5,
    validFrom: new Date(),
    sourceMessageIds: [],
    vector: vector!,
  });
  return { token, ids: { user: userId, persona: personaId, self: self.id, chat: sessionId, message: sent.message.id, reply: sent.replyId!, simulation: sim.id, memory: memory.id } };
}

/** Which of the victim's ids an argument named like this may take. */
function candidatesFor(name: string, v: Victim): string[] {
  const { ids } = v;
  if (/persona/i.test(name)) return [ids.persona, ids.self];
  if (/session/i.test(name)) return [ids.chat];
  if (/message/i.test(name)) return [ids.message, ids.reply];
  if (/simulation/i.test(name)) return [ids.simulation];
  if (/user/i.test(name)) return [ids.user];
  return Object.values(ids);
}

/** A value for a required argument that is not an id: the simplest valid one. */
function filler(type: GraphQLInputType, name: string, id: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [filler(inner.ofType, name, id)];
  const named = getNamedType(inner);
  if (isScalarType(named)) {
    if (named.name === 'ID') return id;
    if (named.name === 'Int' || named.name === 'Float') return name === 'maxTurns' ? 6 : 1;
    if (named.name === 'Boolean') return true;
    if (named.name === 'JSONObject') return {};
    return name === 'clientMessageId' ? `sweep-${Math.random()}` : 'hello';
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) || getNamedType(f.type).name === 'ID')
        .map((f) => [f.name, getNamedType(f.type).name === 'ID' ? id : filler(f.type, f.name, id)]),
    );
  }
  return null;
}

const takesAnId = (arg: GraphQLArgument): boolean => {
  const named = getNamedType(arg.type);
  return named.name === 'ID' || (isInputObjectType(named) && Object.values(named.getFields()).some((f) => getNamedType(f.type).name === 'ID'));
};

/** The name an id goes by: the argument's own, or (for a mutation's `input`) its first id field's. */
const idNameOf = (arg: GraphQLArgument): string => {
  const named = getNamedType(arg.type);
  if (!isInputObjectType(named)) return arg.name;
  return Object.values(named.getFields()).find((f) => getNamedType(f.type).name === 'ID')?.name ?? arg.name;
};

function operationFor(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, idArg: GraphQLArgument, id: string) {
  const args = field.args.filter((a) => a === idArg || isNonNullType(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, getNamedType(a.type).name === 'ID' ? id : filler(a.type, a.name, id)]));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const type = getNamedType(field.type);
  // A connection answers with its nodes, so "no data" can be told from "an empty page".
  const selection = isObjectType(type) ? (type.getFields().pageInfo ? ' { __typename nodes { __typename } }' : ' { __typename }') : '';
  return { query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`, variables };
}

describe("Ownership sweep: every operation taking an id, given another user's ids", () => {
  it('When an attacker sends any query or mutation with a victim’s id, Then no data of the victim comes back and nothing of theirs changes', async () => {
    const v = await victim();
    const attacker = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const before = await conversation(t, v.token, v.ids.chat);
    const victimIds = Object.values(v.ids);
    const tried: string[] = [];
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args.filter(takesAnId)) {
          for (const id of candidatesFor(idNameOf(arg), v)) {
            const { query, variables } = operationFor(kind, field, arg, id);
            const result = await t.http.raw<Record<string, unknown>>({ query, variables }, attacker);
            tried.push(field.name);
            const value = result.data?.[field.name];
            const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && 'nodes' in value && (value as { nodes: unknown[] }).nodes.length === 0);
            const codes = (result.errors ?? []).map((e) => e.extensions?.code);
            expect({ field: field.name, arg: arg.name, empty, internal: codes.includes('INTERNAL') }).toEqual({ field: field.name, arg: arg.name, empty: true, internal: false });
            const body = JSON.stringify(result);
            expect({ field: field.name, leaked: victimIds.filter((x) => body.includes(x)) }).toEqual({ field: field.name, leaked: [] });
          }
        }
      }
    }
    expect(new Set(tried).size).toBeGreaterThanOrEqual(25);
    // The victim's things are all still there, untouched.
    expect((await t.http.ok(PersonaDocument, { id: v.ids.persona }, v.token)).persona.id).toBe(v.ids.persona);
    expect((await conversation(t, v.token, v.ids.chat)).map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(await t.app.services.memories.get(v.ids.user, v.ids.memory)).not.toBeNull();
  }, 120_000);

  it('When an attacker subscribes with a victim’s ids, Then every subscription is refused without events', async () => {
    const v = await victim();
    const attacker = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const root = schema.getSubscriptionType()!;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args.filter(takesAnId)) {
        for (const id of candidatesFor(arg.name, v)) {
          const { query, variables } = operationFor('subscription', field, arg, id);
          const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${attacker}` });
          // A refusal arrives as an error message, or as a result carrying errors and no data.
          const outcome = await new Promise<{ data: boolean; error: boolean }>((resolve) => {
            let data = false;
            let errors = false;
            client.subscribe(
              { query, variables },
              {
                next: (r) => {
                  data ||= Boolean(r.data);
                  errors ||= Boolean(r.errors?.length);
                },
                error: () => resolve({ data, error: true }),
                complete: () => resolve({ data, error: errors }),
              },
            );
          });
          await client.dispose();
          expect({ field: field.name, ...outcome }).toEqual({ field: field.name, data: false, error: true });
        }
      }
    }
  });
});
