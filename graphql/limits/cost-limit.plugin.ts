import type { ApolloServerPlugin } from '@apollo/server';
import { checkOperationCost } from './operation-cost';

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
          const refusal = checkOperationCost(schema, document, request.operationName, request.variables, maxCost);
          if (refusal) {
            refusal.extensions.http = { status: 400 };
            throw refusal;
          }
        },
      };
    },
  };
}
