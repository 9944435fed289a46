import {
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage, type ResolverData } from 'type-graphql';
import { DEFAULT_RATE_RULES } from '../../src/domain/rate-limits/rate-limit-policy';
import { InProcessRateLimiter } from '../../src/stores/rate-limit/in-process-rate-limiter';
import { buildAppSchema } from '../build-schema';
import type { GraphQLContext } from '../context.type';
import { argumentBoundsMiddleware } from './argument-bounds.middleware';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

/** Runs the middleware as type-graphql would for a root field; what it throws, or 'next' when the resolver may run. */
async function check(root: 'Query' | 'Mutation', fieldName: string, args: Record<string, unknown>): Promise<unknown> {
  const parentType = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
  const info = { parentType, fieldName, schema, operation: { operation: root === 'Query' ? 'query' : 'mutation' } };
  try {
    return await argumentBoundsMiddleware({ args, info } as unknown as ResolverData, async () => 'next');
  } catch (err) {
    const e = err as { code?: string; details?: Record<string, unknown> };
    return { code: e.code, field: e.details?.field };
  }
}

describe('argumentBoundsMiddleware', () => {
  it('When an id argument, an id inside an input or a filter is not a UUID, Then VALIDATION_FAILED names it', async () => {
    expect(await check('Query', 'simulations', { partnerPersonaId: 'not-a-uuid', first: 20 })).toEqual({ code: 'VALIDATION_FAILED', field: 'partnerPersonaId' });
    expect(await check('Query', 'chatSession', { id: '' })).toEqual({ code: 'VALIDATION_FAILED', field: 'id' });
    expect(await check('Query', 'estimateSimulation', { input: { selfPersonaId: 'x', partnerPersonaId: '00000000-0000-4000-8000-000000000000' } })).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'input.selfPersonaId',
    });
  });

  it('When a page size (first or last) is out of 1–500, Then VALIDATION_FAILED; in bounds, the resolver runs', async () => {
    expect(await check('Query', 'simulations', { first: -1 })).toEqual({ code: 'VALIDATION_FAILED', field: 'first' });
    expect(await check('Query', 'simulations', { first: 501 })).toEqual({ code: 'VALIDATION_FAILED', field: 'first' });
    expect(await check('Query', 'chatMessages', { sessionId: '00000000-0000-4000-8000-000000000000', last: 0 })).toEqual({ code: 'VALIDATION_FAILED', field: 'last' });
    expect(await check('Query', 'simulations', { first: 20, partnerPersonaId: '00000000-0000-4000-8000-00000000000A' })).toBe('next');
  });

  it('When a string argument, or a string inside an input, holds U+0000, Then VALIDATION_FAILED (PostgreSQL cannot store it)', async () => {
    expect(await check('Mutation', 'renameChat', { input: { id: '00000000-0000-4000-8000-000000000000', title: 'a\u0000b' } })).toEqual({ code: 'VALIDATION_FAILED', field: 'input.title' });
    // Strings deep inside a typed input are checked too, and the error names their path.
    expect(await check('Mutation', 'addScenario', { input: { template: { id: 'x', privateGoals: { self: ['ok', 'a\u0000'], partner: ['ok'] } } } })).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'input.template.privateGoals.self[1]',
    });
  });
});

/** A value the bounds refuse for an argument (or input field) of this type and name, if there is one. */
function malformed(type: GraphQLInputType, name: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const item = malformed(inner.ofType, name);
    return item === undefined ? undefined : [item];
  }
  if (isScalarType(inner)) {
    if (inner.name === 'ID') return 'not-a-uuid';
    if (inner.name === 'String') return 'a\u0000';
    if (inner.name === 'JSONObject') return { key: 'a\u0000' };
    if (inner.name === 'Int' && /^(first|last)$/.test(name)) return 0;
    return undefined;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const value = malformed(field.type, field.name);
      if (value !== undefined) return { [field.name]: value };
    }
  }
  return undefined;
}

/** Every field of the schema's object types (root types included), with its type. */
function everyField(schema: GraphQLSchema): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })));
}

/** Signed in with `role`, a budget no test spends, and a database that fails if a resolver gets that far. */
function signedIn(role: string): GraphQLContext {
  const generous = Object.fromEntries(Object.keys(DEFAULT_RATE_RULES).map((rateClass) => [rateClass, { limit: 1_000_000, windowMs: 60_000 }]));
  return {
    principal: { user: { id: '00000000-0000-4000-8000-000000000001', role } },
    clientAddress: '127.0.0.1',
    em: new Proxy({}, { get: () => { throw new Error('the database was used'); } }),
    services: { rateLimiter: new InProcessRateLimiter(), rateRules: generous, logger: { warn: () => undefined } },
  } as unknown as GraphQLContext;
}

describe('argument bounds in the app schema', () => {
  it('When any query, mutation or nested field gets a malformed argument, Then its own resolve refuses it with VALIDATION_FAILED before the resolver runs', async () => {
    const subscription = schema.getSubscriptionType();
    const outcomes: Record<string, unknown> = {};
    for (const { type, field } of everyField(schema)) {
      // Subscription root fields are checked once, when subscribed (subscription-argument-bounds.test.ts).
      if (type === subscription) continue;
      const arg = field.args.map((a) => ({ name: a.name, value: malformed(a.type, a.name) })).find((a) => a.value !== undefined);
      if (!arg) continue;
      const info = { parentType: type, fieldName: field.name, schema, operation: { operation: type === schema.getMutationType() ? 'mutation' : 'query' } };
      let code: unknown;
      for (const role of ['USER', 'ANALYST', 'ADMIN']) {
        code = await Promise.resolve()
          .then(() => field.resolve!({}, { [arg.name]: arg.value }, signedIn(role), info as never))
          .then(() => 'resolved', (err: { code?: string; message?: string }) => err.code ?? err.message);
        if (code !== 'FORBIDDEN') break;
      }
      outcomes[`${type.name}.${field.name}`] = code;
    }
    expect(Object.keys(outcomes).length).toBeGreaterThan(50);
    expect(Object.entries(outcomes).filter(([, code]) => code !== 'VALIDATION_FAILED')).toEqual([]);
  });

  it('When a field takes no arguments and is no resolver method (a plain property), Then nothing wraps it: the value comes back synchronously, without reading info', () => {
    const storage = getMetadataStorage();
    const typeName = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
    const methods = new Set(storage.fieldResolvers.map((r) => `${typeName.get(r.getObjectType?.() as Function)}.${r.schemaName}`));
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    const untouchable = new Proxy({}, { get: (_, key) => { throw new Error(`read ${String(key)}`); } });
    const source = new Proxy({}, { get: () => 'value' });
    const plain = everyField(schema).filter(({ type, field }) => !roots.has(type) && field.args.length === 0 && !methods.has(`${type.name}.${field.name}`));
    expect(plain.length).toBeGreaterThan(200);
    // Fields of `simpleResolvers` types have no resolve at all (graphql-js reads the property).
    const wrapped = plain.filter(({ field }) => {
      if (!field.resolve) return false;
      const value = field.resolve(source, {}, untouchable, untouchable as never);
      // A middleware chain answers with a promise (type-graphql dispatches it asynchronously).
      if (value instanceof Promise) value.catch(() => undefined);
      return value !== 'value';
    });
    expect(wrapped.map(({ type, field }) => `${type.name}.${field.name}`)).toEqual([]);
  });
});
