import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from './build-schema';

/** Every type, field, argument and enum value the API exposes, with no description (issue 16). */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    // The root types are containers; their fields carry the meaning.
    const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never);
    if (!type.description && !isRoot) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`enum value ${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('When the schema is built, Then every type, field, argument and enum value has a description', async () => {
    expect(undescribed(await buildAppSchema())).toEqual([]);
  });

  it('When a client reads the schema, Then only the raw data export is an opaque JSONObject', async () => {
    const schema = await buildAppSchema();
    const json: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (String(field.type).includes('JSONObject')) json.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (String(arg.type).includes('JSONObject')) json.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(json).toEqual(['Query.exportMyData']);
  });
});
