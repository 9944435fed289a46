import { createHash } from 'node:crypto';

export const RESPONSE_CACHE_PREFIX = 'soullink:llm-cache:';

/**
 * Key for a deterministic call: the user it was made for (so erasure can find their entries,
 * and no user is ever served an answer computed from another's text), then a hash of model,
 * messages and every parameter that matters.
 */
export function responseCacheKey(parts: { userId?: string; model: string; messages: unknown; params: Record<string, unknown> }): string {
  const hash = createHash('sha256').update(JSON.stringify([parts.model, parts.messages, parts.params])).digest('hex');
  return `${userScope(parts.userId)}${hash}`;
}

/** The key prefix of one user's cached answers (`system` for calls made for nobody). */
export const userScope = (userId: string | undefined) => `${RESPONSE_CACHE_PREFIX}${userId ?? 'system'}:`;
