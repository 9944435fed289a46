import type { ASTVisitor, ValidationContext } from 'graphql';
import { operationCost, queryTooCostly } from './operation-cost';

/**
 * The early cost check, in validation, where the variable values are not known: a page size
 * from a variable counts as 1 (operation-cost.ts), so this refuses only documents that are
 * too costly whatever is sent (e.g. literal `first: 100` lists multiplied by aliases). The
 * exact check, priced with the values the client sent, runs once the operation is resolved:
 * costLimitPlugin over HTTP, the graphql-ws server's onSubscribe over websockets.
 */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const cost = operationCost(context.getSchema(), context.getDocument(), node, undefined, maxCost);
      if (cost > maxCost) context.reportError(queryTooCostly(cost, maxCost, node));
    },
  });
}
