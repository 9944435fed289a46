import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * A bounded label for metrics and logs: the operation's root field names ("login",
 * "me+accountEvents"), taken from the schema, not the client-chosen operation name.
 */
export function operationLabel(document: DocumentNode | undefined, operationName?: string | null): { name: string; type: string } {
  const operations = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  if (!op) return { name: 'unknown', type: 'unknown' };
  const fields = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return { name: fields.slice(0, 3).join('+') || 'unknown', type: op.operation };
}
