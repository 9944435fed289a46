/** Windows tools save exports with a UTF-8 byte-order mark that is not part of the first line. */
export function stripByteOrderMark(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/**
 * Splits an export into lines whatever the platform wrote (LF, CRLF, or old Mac CR), so that
 * array index + 1 is the line number an editor shows.
 */
export function toSourceLines(content: string): string[] {
  return stripByteOrderMark(content).split(/\r\n|\r|\n/);
}

/**
 * Direction marks and isolates that exports put around names and notices (WhatsApp iOS puts
 * U+200E before system and media lines, and wraps phone numbers in U+202A…U+202C). They are
 * invisible, so a name must compare equal with or without them.
 */
const INVISIBLE_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function withoutInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE_MARKS, '');
}

export function startsWithLeftToRightMark(text: string): boolean {
  return text.charCodeAt(0) === 0x200e;
}
