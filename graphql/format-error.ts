import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../src/domain/errors';

/**
 * The one mapping from errors to what clients see, used for HTTP (Apollo formatError) and
 * websockets (graphql-ws onNext). Domain errors keep their stable code and safe details;
 * GraphQL's own request errors keep theirs; anything else is INTERNAL with internals masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...original.details, code: original.code },
    };
  }
  // Apollo relabels every validation error GRAPHQL_VALIDATION_FAILED; our limit rules' own
  // codes (QUERY_TOO_DEEP, TOO_MANY_ALIASES) live on the error it wraps.
  const inner = (error as { originalError?: unknown }).originalError;
  if (inner instanceof GraphQLError && typeof inner.extensions?.code === 'string' && inner.extensions.code !== formatted.extensions?.code) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...inner.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (isRequestRefusal(error, formatted)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

/**
 * graphql-js's own refusal of a request that carries no code, raised by no resolver (no path),
 * so it is about the request, never a server fault: one wrapping no thrown error ("Too many
 * errors processing variables" after 50 bad variable values), or a variable's value a scalar
 * refused ('Variable "$afterSeq" got invalid value "ten"', wrapping the scalar's GraphQLError).
 * Apollo labels the latter BAD_USER_INPUT itself over HTTP; over websockets graphql-ws hands
 * graphql-js's result on as it is.
 */
function isRequestRefusal(error: unknown, formatted: GraphQLFormattedError): boolean {
  if (!(error instanceof GraphQLError) || error.path || formatted.path) return false;
  return !error.originalError || error.originalError instanceof GraphQLError;
}

/** Whether an error is unexpected (a bug or an outage) and must be logged with its stack. */
export function isInternal(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original.code === 'INTERNAL';
  if (isRequestRefusal(error, error as GraphQLFormattedError)) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return code === undefined || code === 'INTERNAL_SERVER_ERROR';
}
