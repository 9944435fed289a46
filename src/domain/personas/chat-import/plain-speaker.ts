/**
 * A `Name: message` line, with an ASCII or full-width colon (`小雨：你好`). The name is
 * what precedes the first colon; the guards keep ordinary sentences that contain a colon
 * from starting a new message: the name must hold a letter (not "12:30"), stay short (a
 * name, not "then she told me: no"), not be a URL scheme ("https://…"), and not be a
 * timestamp from some other export format.
 */
const SPEAKER_LINE = /^([^:：]{1,40})[:：](.*)$/;
const MAX_NAME_WORDS = 3;

export function matchSpeakerLine(line: string): { sender: string; text: string } | null {
  const match = SPEAKER_LINE.exec(line);
  if (!match) return null;
  const sender = match[1]!.trim();
  const text = match[2]!;
  if (sender === '' || !/\p{L}/u.test(sender)) return null;
  if (sender.split(/\s+/).length > MAX_NAME_WORDS) return null;
  if (text.startsWith('//')) return null;
  if (/^\[?\d{1,4}[./-]\d/.test(sender)) return null;
  return { sender, text: text.trim() };
}
