/**
 * Limits on what one GraphQL document may ask for, over HTTP and websockets alike. Defaults
 * follow graphql-armor's (depth 6, aliases 15, tokens 1,000).
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 6, maxAliases: 15, maxTokens: 1000 };
