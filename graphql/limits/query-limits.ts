/**
 * Limits on what one GraphQL document may ask for, over HTTP and websockets alike. Defaults
 * follow graphql-armor's (depth 6, aliases 15, directives 50, tokens 1,000, cost 5,000).
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 6, maxAliases: 15, maxTokens: 1000, maxCost: 5000, maxDirectives: 50 };
