import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.type';

/**
 * RATE_LIMITED over HTTP as HTTP says it: status 429 with `Retry-After` (seconds), so
 * browsers, proxies and generic HTTP clients back off without reading GraphQL errors. The
 * body keeps the GraphQL errors (code RATE_LIMITED, `retryAfterSeconds`) for GraphQL clients.
 * When several fields were limited, the longest wait wins. Websockets have no status line:
 * there the error alone tells.
 */
export function rateLimitedStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const waits = (response.body.singleResult.errors ?? [])
            .filter((e) => e.extensions?.code === 'RATE_LIMITED')
            .map((e) => Number(e.extensions?.retryAfterSeconds));
          if (waits.length === 0) return;
          response.http.status = 429;
          const longest = Math.max(1, ...waits.filter((w) => Number.isFinite(w) && w > 0).map(Math.ceil));
          response.http.headers.set('retry-after', String(longest));
        },
      };
    },
  };
}
