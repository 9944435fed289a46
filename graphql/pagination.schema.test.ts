import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from './build-schema';

/**
 * Entities whose lists grow with use (per-user collections, logs, messages, versions): any
 * list of them must be a connection (graphql/pagination/connection.type.ts), paged the one
 * way — first/after (and last/before on newest-last lists), opaque cursors, pageInfo.
 */
const GROWABLE = ['AccessGrant', 'AuditEvent', 'ChatMessage', 'ChatSession', 'MatchModel', 'Memory', 'Persona', 'PersonaProfile', 'Simulation', 'Study', 'StudyDataset'];

/** Lists of those entities that are bounded by design, and why. Anything else is a connection. */
const BOUNDED: Record<string, string> = {
  'ChatMessage.alternatives': 'earlier versions of one regenerated reply',
  'SharedChat.messages': 'a share link shows the latest messages only (SHARED_MESSAGES)',
  'Subscription.*': 'events, not lists',
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

function* fields(): Generator<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) yield { type, field };
  }
}

const isConnectionType = (name: string) => name.endsWith('Connection');

describe('pagination: every list that can grow is paged the same way', () => {
  it('When a field returns a list of a growable entity, Then it is a connection (or a documented bounded list)', () => {
    const unpaged = [...fields()]
      .filter(({ field }) => isListType(getNullableType(field.type)) && GROWABLE.includes(getNamedType(field.type).name))
      .filter(({ type }) => !isConnectionType(type.name) && !type.name.endsWith('Edge'))
      .map(({ type, field }) => `${type.name}.${field.name}`)
      .filter((name) => !(name in BOUNDED) && !(`${name.split('.')[0]}.*` in BOUNDED));
    expect(unpaged).toEqual([]);
  });

  it('When a field takes page arguments, Then they are first/after (last/before) only: no limit, offset or page input', () => {
    const offending = [...fields()].flatMap(({ type, field }) =>
      field.args.filter((a) => ['limit', 'offset', 'page', 'skip', 'take'].includes(a.name)).map((a) => `${type.name}.${field.name}(${a.name})`),
    );
    expect(offending).toEqual([]);
  });

  it('When the schema is built, Then no *Page type or PageInput remains', () => {
    expect(Object.keys(schema.getTypeMap()).filter((name) => /Page$|^PageInput$/.test(name))).toEqual([]);
  });

  it('When a field returns a connection, Then it takes first/after, and last/before only together with them; the connection has edges, nodes, pageInfo, totalCount', () => {
    const connections = [...fields()].filter(({ field }) => isConnectionType(getNamedType(field.type).name));
    expect(connections.length).toBeGreaterThanOrEqual(15);
    for (const { type, field } of connections) {
      const args = field.args.map((a) => a.name);
      expect({ field: `${type.name}.${field.name}`, first: args.includes('first'), after: args.includes('after') }).toEqual({ field: `${type.name}.${field.name}`, first: true, after: true });
      expect(args.includes('last')).toBe(args.includes('before'));
      const connection = getNamedType(field.type) as GraphQLObjectType;
      expect(Object.keys(connection.getFields()).sort()).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount']);
      expect(getNamedType(connection.getFields().pageInfo!.type).name).toBe('PageInfo');
    }
  });
});
