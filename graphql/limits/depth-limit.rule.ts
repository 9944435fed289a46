import {
  GraphQLError,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * The wrapper fields of a connection (graphql/pagination): `edges`/`nodes` of an XConnection
 * and `node` of an XEdge, and the fields of a mutation payload. They add no depth, so a page
 * of items nests as deep as a plain list of them did.
 */
function isWrapper(parent: GraphQLNamedType | undefined, field: string): boolean {
  if (!parent || !isObjectType(parent)) return false;
  // A mutation's payload (API 1.0: `fooBar(input): FooBarPayload`) wraps the changed object:
  // `renameChat { chat { … } }` nests as deep as the bare ChatSession did.
  if (parent.name.endsWith('Payload')) return true;
  const fields = parent.getFields();
  if (field === 'edges' || field === 'nodes') return 'pageInfo' in fields && 'edges' in fields && 'nodes' in fields;
  return field === 'node' && 'cursor' in fields && 'node' in fields && parent.name.endsWith('Edge');
}

/**
 * Rejects operations nested deeper than `maxDepth` fields (fragments followed, cycles cut:
 * a fragment cycle is reported by GraphQL's own NoFragmentCycles rule). Connection wrappers
 * and mutation payloads do not count (isWrapper).
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    const depthOf = (set: SelectionSetNode, depth: number, seen: Set<string>, parent: GraphQLNamedType | undefined): number => {
      let max = depth;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue; // introspection has its own shape
          const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
          const here = isWrapper(parent, s.name.value) ? depth : depth + 1;
          max = Math.max(max, s.selectionSet ? depthOf(s.selectionSet, here, seen, def ? getNamedType(def.type) : undefined) : here);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(s.selectionSet, depth, seen, s.typeCondition ? schema.getType(s.typeCondition.name.value) ?? undefined : parent));
        } else {
          const fragment = fragments.get(s.name.value);
          if (!fragment || seen.has(s.name.value)) continue;
          max = Math.max(max, depthOf(fragment.selectionSet, depth, new Set(seen).add(s.name.value), schema.getType(fragment.typeCondition.name.value) ?? undefined));
        }
        if (max > maxDepth) return max;
      }
      return max;
    };

    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const depth = depthOf(node.selectionSet, 0, new Set(), root ?? undefined);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_DEEP', limit: maxDepth },
            }),
          );
        }
      },
    };
  };
}
