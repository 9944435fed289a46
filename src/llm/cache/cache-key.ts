import { createHash } from 'node:crypto';

/** Key for a deterministic call: a hash of model, messages and every parameter that matters. */
export function responseCacheKey(parts: { model: string; messages: unknown; params: Record<string, unknown> }): string {
  return `soullink:llm-cache:${createHash('sha256').update(JSON.stringify([parts.model, parts.messages, parts.params])).digest('hex')}`;
}
