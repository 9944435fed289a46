import type { ApolloServerPlugin } from '@apollo/server';
import { formatError, isInternal } from '../../graphql/format-error';
import type { GraphQLContext } from '../../graphql/context.type';
import { operationLabel } from '../../graphql/operation-label';
import type { Metrics } from '../observability/metrics';

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
          const { name, type } = operationLabel(document, operationName);
          const outcome = errors && errors.length > 0 ? 'error' : 'ok';
          const seconds = (performance.now() - started) / 1000;
          metrics.recordOperation(name, type, outcome, seconds);
          contextValue.log.info({ operation: name, type, outcome, durationMs: Math.round(seconds * 1000) }, 'graphql operation');
        },
      };
    },
  };
}
