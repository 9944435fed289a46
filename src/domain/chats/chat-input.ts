import { ValidationError } from '../errors';

export const MAX_MESSAGE_CHARS = 4000;
export const MAX_TITLE_CHARS = 120;

/** A chat message as sent: trimmed, not empty, at most 4,000 characters. */
export function messageContent(value: string, field = 'content'): string {
  const text = value.replace(/\u0000/g, '').trim();
  if (text.length === 0) throw new ValidationError(field, 'The message is empty');
  if (text.length > MAX_MESSAGE_CHARS) throw new ValidationError(field, `A message holds at most ${MAX_MESSAGE_CHARS} characters`, { max: MAX_MESSAGE_CHARS });
  return text;
}

/** The client's idempotency key: 1–100 letters, digits, '-', '_', '.', ':'. */
export function clientMessageId(value: string): string {
  if (!/^[\w\-.:]{1,100}$/.test(value)) throw new ValidationError('clientMessageId', 'clientMessageId must be 1–100 letters, digits, "-", "_", "." or ":"');
  return value;
}

export function chatTitle(value: string): string {
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length === 0) throw new ValidationError('title', 'The title is empty');
  if (title.length > MAX_TITLE_CHARS) throw new ValidationError('title', `A title holds at most ${MAX_TITLE_CHARS} characters`, { max: MAX_TITLE_CHARS });
  return title;
}
