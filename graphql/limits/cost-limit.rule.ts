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
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type VariableDefinitionNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../src/domain/pagination/page';

/** A list with no page argument (a bounded list, e.g. a report's dimensions) is assumed to return this many items. */
const UNPAGED_LIST_ITEMS = 10;
/** A page size passed in a variable (unknown at validation) without a default counts as the largest page any list serves. */
const VARIABLE_PAGE_ITEMS = 100;

/** A connection (graphql/pagination): its `edges` and `nodes` hold one page. */
const isConnection = (type: GraphQLNamedType): boolean => isObjectType(type) && ['edges', 'nodes', 'pageInfo'].every((f) => f in type.getFields());

/**
 * Rejects operations whose estimated cost exceeds `maxCost` (graphql-armor's default is
 * 5,000). Every field costs 1; the fields below a connection's `edges` or `nodes` count once
 * per item the page may hold — its `first` / `last` argument, or a variable's default, or the
 * default page (DEFAULT_PAGE_SIZE) — so `chatSessions(first: 50) { nodes { … } }` costs what
 * it may really do. Other lists count UNPAGED_LIST_ITEMS. Fragments are followed; cycles are
 * GraphQL's own error.
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    let variables = new Map<string, VariableDefinitionNode>();

    /** The page a connection field may return: first or last as given (literal or variable), else the default page. */
    const pageSize = (field: FieldNode): number => {
      for (const name of ['first', 'last']) {
        const given = field.arguments?.find((a) => a.name.value === name);
        if (!given) continue;
        let value: unknown;
        if (given.value.kind === Kind.VARIABLE) {
          const declared = variables.get(given.value.name.value)?.defaultValue;
          value = declared ? valueFromASTUntyped(declared) : VARIABLE_PAGE_ITEMS;
        } else {
          value = valueFromASTUntyped(given.value, {});
        }
        if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
      }
      return DEFAULT_PAGE_SIZE;
    };

    /** `page`: the page size of the connection whose selection this is (its edges and nodes hold that many). */
    const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>, page?: number): number => {
      let total = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[s.name.value] : undefined;
          if (!def) continue; // unknown fields are reported by GraphQL's own rules
          let cost = 1;
          if (s.selectionSet) {
            const named = getNamedType(def.type);
            const children = costOf(s.selectionSet, named, seen, isConnection(named) ? pageSize(s) : undefined);
            const items = !isListType(getNullableType(def.type)) ? 1 : page !== undefined && (def.name === 'edges' || def.name === 'nodes') ? page : UNPAGED_LIST_ITEMS;
            cost += items * children;
          }
          total += cost;
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
          if (type) total += costOf(s.selectionSet, type, seen, page);
        } else {
          const fragment = fragments.get(s.name.value);
          if (!fragment || seen.has(s.name.value)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (type) total += costOf(fragment.selectionSet, type, new Set(seen).add(s.name.value), page);
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
