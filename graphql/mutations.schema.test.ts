import { getNullableType, isInputObjectType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from './build-schema';

/**
 * API 1.0 mutation conventions (README, "API 1.0"): every mutation takes one non-null
 * `input` argument of its own `<Mutation>Input` type (or none at all, e.g. logout) and
 * returns a non-null object type named `…Payload`, so fields can be added on either side
 * without breaking a client.
 */
let mutations: GraphQLField<unknown, unknown>[];
beforeAll(async () => {
  const schema: GraphQLSchema = await buildAppSchema();
  mutations = Object.values(schema.getMutationType()!.getFields());
});

const capitalized = (name: string) => name[0].toUpperCase() + name.slice(1);

describe('Mutation conventions', () => {
  it('Every mutation takes a single non-null `input` of its own <Name>Input type, or no argument at all', () => {
    const offenders = mutations
      .filter((m) => {
        if (m.args.length === 0) return false;
        if (m.args.length > 1) return true;
        const [arg] = m.args;
        const type = getNullableType(arg.type);
        return arg.name !== 'input' || !isNonNullType(arg.type) || !isInputObjectType(type) || type.name !== `${capitalized(m.name)}Input`;
      })
      .map((m) => `${m.name}(${m.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')})`);
    expect(offenders).toEqual([]);
  });

  it('Every mutation returns a non-null object type whose name ends in Payload', () => {
    const offenders = mutations
      .filter((m) => {
        const type = getNullableType(m.type);
        return !isNonNullType(m.type) || !isObjectType(type) || !type.name.endsWith('Payload');
      })
      .map((m) => `${m.name}: ${String(m.type)}`);
    expect(offenders).toEqual([]);
  });

  it('Deletes return the deleted id as deleted<Thing>Id', () => {
    const offenders = mutations
      .filter((m) => m.name.startsWith('delete'))
      .filter((m) => {
        const payload = getNullableType(m.type);
        if (!isObjectType(payload)) return true;
        return !Object.keys(payload.getFields()).some((f) => /^deleted[A-Z]\w*Id$/.test(f));
      })
      .map((m) => m.name);
    expect(offenders).toEqual([]);
  });
});
