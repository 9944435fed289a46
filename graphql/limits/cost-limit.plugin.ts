import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { operationCost, queryTooCostly, selectOperation } from './operation-cost';

/**
 * Costs of operations that declare no variables, by document and operation name: such a cost
 * cannot depend on what a request sends, and Apollo hands a repeated query the same parsed
 * DocumentNode (its document cache), so the walk runs once per distinct query. Operations with
 * variables are priced on every request, with the values sent.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();

/** The refusal of the request's operation when it costs more than `maxCost`, else null (as checkOperationCost). */
function costRefusal(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, maxCost: number): GraphQLError | null {
  const operation = selectOperation(document, operationName);
  if (!operation) return null; // GraphQL itself refuses a missing or ambiguous operation
  let cost: number | undefined;
  if ((operation.variableDefinitions?.length ?? 0) > 0) {
    cost = operationCost(schema, document, operation, variables ?? {}, maxCost);
  } else {
    let byName = costs.get(document);
    if (!byName) costs.set(document, (byName = new Map()));
    const key = operationName ?? '';
    cost = byName.get(key);
    if (cost === undefined) byName.set(key, (cost = operationCost(schema, document, operation, {}, maxCost)));
  }
  return cost > maxCost ? queryTooCostly(cost, maxCost, operation) : null;
}

/**
 * The query cost limit over HTTP, priced with the variable values the request sent (a
 * validation rule cannot see them: costLimitRule only prices a lower bound). Runs once the
 * operation is parsed, validated and chosen, before any resolver; a refusal answers 400 with
 * QUERY_TOO_COSTLY like the other limits.
 */
export function costLimitPlugin<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const refusal = costRefusal(schema, document, request.operationName, request.variables, maxCost);
          if (refusal) {
            refusal.extensions.http = { status: 400 };
            throw refusal;
          }
        },
      };
    },
  };
}
