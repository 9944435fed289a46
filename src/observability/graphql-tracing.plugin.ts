import type { ApolloServerPlugin } from '@apollo/server';
import { formatError } from '../../graphql/format-error';
import type { GraphQLContext } from '../../graphql/context.type';
import { operationLabel } from '../../graphql/operation-label';
import type { Tracer } from '../ports/tracer.port';

/**
 * One span per GraphQL operation over HTTP, named `<type> <root fields>` ("mutation
 * sendChatMessage"), with the error codes it ended with. Never the document or the variables
 * (they carry chat messages, passwords, tokens) and not the client-chosen operation name;
 * the root fields come from the schema, as in the metrics' labels.
 */
export function graphqlTracingPlugin(tracer: Tracer): ApolloServerPlugin<GraphQLContext> {
  // Tracing off: no hooks at all, not even the label's walk over the document.
  if (!tracer.enabled) return {};
  return {
    async requestDidStart() {
      const span = tracer.startSpan('graphql', { attributes: {} });
      return {
        async didResolveOperation({ document, operationName }) {
          const { name, type } = operationLabel(document, operationName);
          span.rename(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.type': type, 'soullink.graphql.root_fields': name });
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((error) => String(formatError(error.toJSON(), error).extensions?.code ?? 'INTERNAL')))];
          span.setAttributes({ 'soullink.graphql.error_codes': codes.join(',') });
          span.fail(codes[0] ?? 'INTERNAL');
        },
        async willSendResponse({ errors }) {
          span.setAttributes({ 'soullink.graphql.outcome': errors && errors.length > 0 ? 'error' : 'ok' });
          span.end();
        },
      };
    },
  };
}
