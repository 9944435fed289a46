import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type VariableDefinitionNode,
} from 'graphql';

/** A list with no page argument is assumed to return this many items. */
const UNPAGED_LIST_ITEMS = 10;
/** A page size passed in a variable (unknown at validation) without a default counts as the largest page any list serves. */
const VARIABLE_PAGE_ITEMS = 100;

/**
 * Rejects operations whose estimated cost exceeds `maxCost` (graphql-armor's default is
 * 5,000). Every field costs 1; the fields below a list of objects count once per item the
 * page may hold — its `limit` / `first` / `page.limit` argument, or the argument's default,
 * or a variable's default — so `chatSessions(page: {limit: 50}) { … chatMessages … }`
 * costs what it may really do. Fragments are followed; cycles are GraphQL's own error.
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    let variables = new Map<string, VariableDefinitionNode>();

    const pageSize = (field: FieldNode, def: GraphQLField<unknown, unknown>): number => {
      for (const name of ['limit', 'first', 'page']) {
        const arg = def.args.find((a) => a.name === name);
        if (!arg) continue;
        const given = field.arguments?.find((a) => a.name.value === name);
        let value: unknown = arg.defaultValue;
        if (given) {
          if (given.value.kind === Kind.VARIABLE) {
            const declared = variables.get(given.value.name.value)?.defaultValue;
            value = declared ? valueFromASTUntyped(declared) : name === 'page' ? { limit: VARIABLE_PAGE_ITEMS } : VARIABLE_PAGE_ITEMS;
          } else {
            value = valueFromASTUntyped(given.value, {});
          }
        }
        const size = name === 'page' ? (value as { limit?: unknown } | undefined)?.limit ?? (arg.type.toString().includes('PageInput') ? 20 : undefined) : value;
        if (typeof size === 'number' && Number.isFinite(size)) return Math.max(1, size);
        if (name === 'page' && size === undefined) return 20;
      }
      return UNPAGED_LIST_ITEMS;
    };

    const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>): number => {
      let total = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[s.name.value] : undefined;
          if (!def) continue; // unknown fields are reported by GraphQL's own rules
          let cost = 1;
          if (s.selectionSet) {
            const children = costOf(s.selectionSet, getNamedType(def.type), seen);
            cost += (isListType(getNullableType(def.type)) ? pageSize(s, def) : 1) * children;
          }
          total += cost;
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
          if (type) total += costOf(s.selectionSet, type, seen);
        } else {
          const fragment = fragments.get(s.name.value);
          if (!fragment || seen.has(s.name.value)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (type) total += costOf(fragment.selectionSet, type, new Set(seen).add(s.name.value));
        }
        if (total > maxCost) return total;
      }
      return total;
    };

    return {
      OperationDefinition(node) {
        variables = new Map((node.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const cost = costOf(node.selectionSet, root, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost} (list fields count once per item of their page)`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost },
            }),
          );
        }
      },
    };
  };
}
