import type { ParseResult, ResolvedParseOptions } from './chat-log.types';
import { ImportParseError } from './import-parse.error';
import { jsonErrorLine } from './json-error-line';
import { mediaWithCaption } from './media-placeholder';
import { MessageCollector } from './message-collector';
import { stripByteOrderMark } from './source-lines';
import { telegramAccountExportSchema, telegramChatSchema, telegramMessageSchema, type TelegramMessage } from './telegram-export.schema';
import { flattenTelegramText, telegramMediaKind } from './telegram-text';
import { wallClockToDate } from './wall-clock';

/** Telegram Desktop writes this name when the sender's account no longer exists. */
const DELETED_ACCOUNT = 'Deleted Account';

/**
 * `date_unixtime` (newer exports) is the exact instant; `date` is the exporting computer's
 * wall clock, which needs the caller's offset like the text formats.
 */
function sentAtOf(message: TelegramMessage, offsetMinutes: number): Date | null {
  if (message.date_unixtime !== undefined) return new Date(Number(message.date_unixtime) * 1000);
  const [year, month, day, hour, minute, second] = message.date.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  return wallClockToDate({ year, month, day, hour, minute, second }, offsetMinutes);
}

function issueText(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * Telegram Desktop "Export chat history" in machine-readable JSON (result.json). Message line
 * numbers are positions in `messages` (1-based), the closest thing JSON has to a line.
 */
export function parseTelegram(source: string, options: ResolvedParseOptions): ParseResult {
  const json = stripByteOrderMark(source);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new ImportParseError(jsonErrorLine(json, error), `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const chat = telegramChatSchema.safeParse(document);
  if (!chat.success) {
    if (telegramAccountExportSchema.safeParse(document).success) {
      throw new ImportParseError(1, 'this is a whole-account Telegram export; export the one chat (Export chat history → JSON) instead');
    }
    throw new ImportParseError(1, 'expected a Telegram chat export (result.json) with a "messages" list');
  }

  const collector = new MessageCollector(options.maxMessages);
  chat.data.messages.forEach((entry, position) => {
    const line = position + 1;
    const parsed = telegramMessageSchema.safeParse(entry);
    if (!parsed.success) throw new ImportParseError(line, `message ${line} is not a Telegram message (${issueText(parsed.error)})`);
    const message = parsed.data;
    const sentAt = sentAtOf(message, options.timeZoneOffsetMinutes);
    if (!sentAt) throw new ImportParseError(line, `"${message.date}" is not a valid date`);
    if (message.type !== 'message') return collector.skipSystemLine();

    const text = flattenTelegramText(message).trim();
    const media = telegramMediaKind(message);
    // Games, dice and similar carry neither words nor media worth a message.
    if (text === '' && media === null) return collector.skipSystemLine();
    const sender = (message.from ?? '').trim() || DELETED_ACCOUNT;
    collector.add(media === null ? { line, sender, sentAt, kind: 'text', text } : { line, sender, sentAt, kind: 'media', text: mediaWithCaption(media, text) });
  });
  return collector.result('TELEGRAM');
}
