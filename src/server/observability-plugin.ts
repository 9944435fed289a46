import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { formatError, isInternal } from '../../graphql/format-error';
import type { GraphQLContext } from '../../graphql/context.type';
import { operationLabel } from '../../graphql/operation-label';
import type { Metrics } from '../observability/metrics';

/**
 * Labels by document: Apollo hands a repeated query the same parsed DocumentNode (its document
 * cache), so the walk runs once per distinct document and operation name.
 */
const labels = new WeakMap<DocumentNode, Map<string, { name: string; type: string }>>();

function labelOf(document: DocumentNode | undefined, operationName: string | null | undefined): { name: string; type: string } {
  if (!document) return operationLabel(document, operationName);
  let byName = labels.get(document);
  if (!byName) labels.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let label = byName.get(key);
  if (!label) byName.set(key, (label = operationLabel(document, operationName)));
  return label;
}

/** Operation metrics, error-code counts and one log line per HTTP GraphQL operation. */
export function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = formatError(error.toJSON(), error).extensions?.code;
            metrics.errors.inc({ code: String(code) });
            if (isInternal(error)) contextValue.log.error({ err: error.originalError ?? error }, 'internal error');
          }
        },
        async willSendResponse({ document, operationName, errors, contextValue }) {
          const { name, type } = labelOf(document, operationName);
          const outcome = errors && errors.length > 0 ? 'error' : 'ok';
          const seconds = (performance.now() - started) / 1000;
          metrics.recordOperation(name, type, outcome, seconds);
          // The request's fields (its child logger's bindings) written by the root logger: no
          // child logger is built for a request that logs nothing else.
          const { requestId, principal, services } = contextValue;
          services.logger.info({ requestId, userId: principal?.user.id, operation: name, type, outcome, durationMs: Math.round(seconds * 1000) }, 'graphql operation');
        },
      };
    },
  };
}
