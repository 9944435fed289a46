import type { ChatEvent } from '../../ports/chat-event-log.port';

/**
 * Freezes a stored event and its payload (deeply), so every reader of it can be handed the
 * same object: a stream's consumers only read events, and one that tried to change a shared
 * event would throw instead of changing what the others get. Payloads are JSON values (the
 * Redis log stores them as JSON), which freezing covers entirely.
 */
export function frozenEvent(event: ChatEvent): ChatEvent {
  deepFreeze(event.payload);
  return Object.freeze(event);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
