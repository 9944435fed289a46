import type { ConversationMessage } from '../../measures';
import { isBlank, preview } from './cells';

/**
 * A pair's conversation from one cell: either "Name: message" lines (newline-separated,
 * optionally "[2024-01-02 10:00] Name: message"; a line without a "Name:" prefix continues the
 * message before it) or a JSON array of { speaker | sender, text, at? } (a JSON cell may hold
 * the array itself). Bracketed times without a zone are read as UTC. Messages get ids m1, m2, …
 * in order. Returns null for a blank cell; throws a plain Error with the reason otherwise (the
 * caller adds the table, line and column).
 */
export function parseConversation(value: unknown): ConversationMessage[] | null {
  if (isBlank(value)) return null;
  if (Array.isArray(value)) return fromJson(value);
  if (typeof value !== 'string') throw new Error('a conversation must be text or a JSON array of messages');
  const text = value.trim();
  if (/^\[\s*(\{|\])/.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`the conversation is not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(parsed)) throw new Error('a JSON conversation must be an array of messages');
    return fromJson(parsed);
  }
  return fromLines(text);
}

// A bracketed prefix is a time only when it starts with a digit ([2024-01-02 10:00], [10:00]).
const LINE = /^(?:\[(\d[^\]]{0,39})\]\s*)?([^:\n\r]{1,80}?)\s*:\s?(.*)$/;

function fromLines(text: string): ConversationMessage[] {
  const messages: ConversationMessage[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const match = LINE.exec(raw);
    if (!match || match[2].trim() === '') {
      const last = messages[messages.length - 1];
      // The line itself stays out of the message: errors may be logged, chat content may not.
      if (!last) throw new Error(`conversation line ${i + 1} is not "Name: message"`);
      last.text += `\n${raw}`;
      return;
    }
    const [, stamp, speaker, body] = match;
    messages.push({ id: `m${messages.length + 1}`, speaker: speaker.trim(), text: body, sentAt: stamp === undefined ? null : timestamp(stamp, i + 1) });
  });
  if (messages.length === 0) throw new Error('the conversation has no message');
  return messages;
}

function fromJson(items: unknown[]): ConversationMessage[] {
  if (items.length === 0) throw new Error('the conversation has no message');
  return items.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error(`conversation message ${i + 1} is not an object`);
    const m = item as { speaker?: unknown; sender?: unknown; text?: unknown; at?: unknown };
    const speaker = m.speaker ?? m.sender;
    if (typeof speaker !== 'string' || speaker.trim() === '') throw new Error(`conversation message ${i + 1} has no speaker (or sender)`);
    if (typeof m.text !== 'string') throw new Error(`conversation message ${i + 1} has no text`);
    let sentAt: Date | null = null;
    if (m.at !== undefined && m.at !== null) {
      if (typeof m.at === 'number') sentAt = new Date(m.at);
      else if (typeof m.at === 'string') sentAt = timestamp(m.at, i + 1);
      if (sentAt === null || Number.isNaN(sentAt.getTime())) throw new Error(`conversation message ${i + 1} has an unreadable time "${preview(m.at)}"`);
    }
    return { id: `m${i + 1}`, speaker: speaker.trim(), text: m.text, sentAt };
  });
}

function timestamp(raw: string, position: number): Date {
  let text = raw.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += 'Z';
  const time = Date.parse(text);
  if (!Number.isFinite(time)) throw new Error(`conversation line ${position} has an unreadable time "${preview(raw)}"`);
  return new Date(time);
}
