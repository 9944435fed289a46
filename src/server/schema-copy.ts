import {
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLUnionType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';

/**
 * The same schema (same resolvers, enums, scalars and inputs) with object, interface and union
 * types of its own, for a server that rewrites fields in place. Apollo Server does: once a
 * plugin has a willResolveField hook (its cache-control plugin, installed by default), it
 * wraps the resolve of every field of every object type of the schema it was given. Given a
 * copy, those wrappers stay out of the schema graphql-ws executes, where they ran for each
 * field of every streamed subscription event and did nothing (a websocket context has no
 * Apollo hooks).
 */
export function copyOfSchema(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const copies = new Map<GraphQLNamedType, GraphQLNamedType>();
  const named = <T extends GraphQLNamedType>(type: T): T => (copies.get(type) ?? type) as T;
  const output = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isListType(type)) return new GraphQLList(output(type.ofType));
    // A non-null type wraps a nullable one, so its copy does too.
    if (isNonNullType(type)) return new GraphQLNonNull(output(type.ofType) as typeof type.ofType);
    return named(type);
  };
  const fields = <S, C>(map: GraphQLFieldConfigMap<S, C>) => () =>
    Object.fromEntries(Object.entries(map).map(([name, field]) => [name, { ...field, type: output(field.type) }]));
  for (const type of config.types) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      const c = type.toConfig();
      copies.set(type, new GraphQLObjectType({ ...c, interfaces: () => c.interfaces.map(named), fields: fields(c.fields) }));
    } else if (isInterfaceType(type)) {
      const c = type.toConfig();
      copies.set(type, new GraphQLInterfaceType({ ...c, interfaces: () => c.interfaces.map(named), fields: fields(c.fields) }));
    } else if (isUnionType(type)) {
      const c = type.toConfig();
      copies.set(type, new GraphQLUnionType({ ...c, types: () => c.types.map(named) }));
    }
  }
  return new GraphQLSchema({
    ...config,
    query: config.query && named(config.query),
    mutation: config.mutation && named(config.mutation),
    subscription: config.subscription && named(config.subscription),
    types: config.types.map(named),
  });
}
