import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../src/domain/pagination/page';

/** A list with no page argument (a bounded list, e.g. a report's dimensions) is assumed to return this many items. */
const UNPAGED_LIST_ITEMS = 10;

/** A connection (graphql/pagination): its `edges` and `nodes` hold one page. */
const isConnection = (type: GraphQLNamedType): boolean => isObjectType(type) && ['edges', 'nodes', 'pageInfo'].every((f) => f in type.getFields());

/**
 * The variable values the cost is priced with: the values the client sent (HTTP body,
 * graphql-ws subscribe payload), or `undefined` when they are not known yet — then a page
 * size from a variable counts as 1, the least any request can ask for, so the estimate is a
 * lower bound (the early check in src/server/query-precheck.ts refuses only what is too
 * costly whatever is sent).
 */
export type SentVariables = Readonly<Record<string, unknown>> | undefined;

/**
 * The estimated cost of one operation. Every field costs 1, or its `complexity` (set with
 * type-graphql's `complexity` option, graphql/limits/field-complexity.ts) when it does real
 * work; the fields below a connection's `edges` or `nodes` count once per item of the page —
 * its `first` / `last` as sent (a literal, or the variable's sent value, or the variable's
 * default when it was not sent), else the default page (DEFAULT_PAGE_SIZE). Other lists count
 * UNPAGED_LIST_ITEMS. Fragments are followed; cycles are GraphQL's own error. Counting stops
 * once the total passes `stopAbove`.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: SentVariables, stopAbove = Infinity): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const declared = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));

  const pageSize = (field: FieldNode): number => {
    for (const name of ['first', 'last']) {
      const given = field.arguments?.find((a) => a.name.value === name);
      if (!given) continue;
      let value: unknown;
      if (given.value.kind === Kind.VARIABLE) {
        const variable = given.value.name.value;
        if (variables === undefined) return 1;
        const fallback = declared.get(variable)?.defaultValue;
        value = variable in variables ? variables[variable] : fallback ? valueFromASTUntyped(fallback) : undefined;
      } else {
        value = valueFromASTUntyped(given.value, {});
      }
      // Null or absent: the list's default page. Anything not a number is refused by GraphQL itself.
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
        const complexity = def.extensions?.complexity;
        let cost = typeof complexity === 'number' && complexity > 0 ? complexity : 1;
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
      if (total > stopAbove) return total;
    }
    return total;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return root ? costOf(operation.selectionSet, root, new Set()) : 0;
}

/** The refusal of an operation that costs more than `maxCost` (code QUERY_TOO_COSTLY), over HTTP and websockets alike. */
export function queryTooCostly(cost: number, maxCost: number, node?: ASTNode): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost} (list fields count once per item of their page)`, {
    ...(node ? { nodes: [node] } : {}),
    extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost },
  });
}

/** The operation a request runs: the named one, or the only one. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** The cost check with the values sent: null when within `maxCost`, else the refusal. */
export function checkOperationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, maxCost: number): GraphQLError | null {
  const operation = selectOperation(document, operationName);
  if (!operation) return null; // GraphQL itself refuses a missing or ambiguous operation
  const cost = operationCost(schema, document, operation, variables ?? {}, maxCost);
  return cost > maxCost ? queryTooCostly(cost, maxCost, operation) : null;
}
