import type { ParsedMessage } from '../chat-log.types';

/** One row per message (line, sender, ISO time, kind, text), so a test can show a whole log as a table. */
export function messageRows(messages: readonly ParsedMessage[]): Array<[number, string, string | null, ParsedMessage['kind'], string]> {
  return messages.map((m) => [m.line, m.sender, m.sentAt === null ? null : m.sentAt.toISOString(), m.kind, m.text]);
}
