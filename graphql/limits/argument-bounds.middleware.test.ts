import type { GraphQLSchema } from 'graphql';
import type { ResolverData } from 'type-graphql';
import { buildAppSchema } from '../build-schema';
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
