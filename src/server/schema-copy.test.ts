import { GraphQLObjectType, printSchema } from 'graphql';
import { buildAppSchema } from '../../graphql/build-schema';
import { copyOfSchema } from './schema-copy';

describe('copyOfSchema', () => {
  it('When a schema is copied, Then the copy prints the same and has the same resolvers, but changing its fields leaves the original as it was', async () => {
    const schema = await buildAppSchema();
    const copy = copyOfSchema(schema);
    expect(printSchema(copy)).toBe(printSchema(schema));
    const original = schema.getSubscriptionType()!.getFields().chatEvents;
    const copied = copy.getSubscriptionType()!.getFields().chatEvents;
    expect([copied.resolve, copied.subscribe]).toEqual([original.resolve, original.subscribe]);
    expect((copy.getType('ChatEvent') as GraphQLObjectType).getFields().seq).not.toBe((schema.getType('ChatEvent') as GraphQLObjectType).getFields().seq);
    // As Apollo Server does when a plugin has willResolveField.
    const wrap = () => 'wrapped';
    for (const type of Object.values(copy.getTypeMap())) if (type instanceof GraphQLObjectType) for (const field of Object.values(type.getFields())) field.resolve = wrap;
    expect(original.resolve).not.toBe(wrap);
    expect((schema.getType('ChatEvent') as GraphQLObjectType).getFields().seq.resolve).toBeUndefined();
    // Enums, scalars and inputs are shared (nothing rewrites them).
    expect(copy.getType('ChatEventType')).toBe(schema.getType('ChatEventType'));
  });
});
