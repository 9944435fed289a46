import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { directiveLimitRule } from './directive-limit.rule';
import type { QueryLimits } from './query-limits';

/**
 * The extra validation rules both transports apply (after GraphQL's specified rules). The cost
 * rule here is the early lower bound; the exact cost, priced with the variable values sent, is
 * checked once the operation is resolved (graphql/limits/cost-limit.plugin.ts, and onSubscribe
 * in src/server/graphql-ws-server.ts).
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), directiveLimitRule(limits.maxDirectives), costLimitRule(limits.maxCost)];
}
