import type { ChatLogFormat } from './chat-log.types';
import { isLineTitle, matchLineDate, matchLineEntry } from './line-layout';
import { matchSpeakerLine } from './plain-speaker';
import { stripByteOrderMark, toSourceLines } from './source-lines';
import { matchWhatsAppHeader } from './whatsapp-header';

/** How far into the file a LINE export without a title may run before its first entry. */
const LINE_LOOKAHEAD = 5;

/**
 * Which export layout the content is in, judged from its opening the way each parser reads
 * it, so AUTO and an explicit format agree; null when none fits. JSON that mentions
 * `messages` or `chats` counts as Telegram even if malformed, so the user gets the JSON
 * error's line rather than "unrecognised format".
 */
export function detectChatLogFormat(content: string): ChatLogFormat | null {
  const text = stripByteOrderMark(content).trimStart();
  if (text.startsWith('{')) return /"(?:messages|chats)"\s*:/.test(text) ? 'TELEGRAM' : null;

  const lines = toSourceLines(text).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return null;
  if (matchWhatsAppHeader(first)) return 'WHATSAPP';
  if (isLineTitle(first)) return 'LINE';
  if (matchLineDate(first) && lines.slice(1, LINE_LOOKAHEAD).some((line) => matchLineEntry(line) !== null)) return 'LINE';
  if (matchSpeakerLine(first)) return 'PLAIN';
  return null;
}
