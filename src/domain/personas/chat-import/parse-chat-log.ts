import type { ChatLogFormat, ParseOptions, ParseResult, ResolvedParseOptions } from './chat-log.types';
import { detectChatLogFormat } from './detect-format';
import { ImportParseError, ImportTooLargeError } from './import-parse.error';
import { parseLine } from './line.parser';
import { parsePlain } from './plain.parser';
import { stripByteOrderMark } from './source-lines';
import { parseTelegram } from './telegram.parser';
import { parseWhatsApp } from './whatsapp.parser';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_MESSAGES = 50_000;

const PARSERS: Readonly<Record<ChatLogFormat, (source: string, options: ResolvedParseOptions) => ParseResult>> = {
  WHATSAPP: parseWhatsApp,
  LINE: parseLine,
  TELEGRAM: parseTelegram,
  PLAIN: parsePlain,
};

function resolveOptions(options: ParseOptions): ResolvedParseOptions {
  const resolved = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxMessages: options.maxMessages ?? DEFAULT_MAX_MESSAGES,
    timeZoneOffsetMinutes: options.timeZoneOffsetMinutes ?? 0,
  };
  // Programming errors, not user input: the caller validates what users send.
  if (!Number.isInteger(resolved.maxBytes) || resolved.maxBytes < 1) throw new RangeError('maxBytes must be a positive integer');
  if (!Number.isInteger(resolved.maxMessages) || resolved.maxMessages < 1) throw new RangeError('maxMessages must be a positive integer');
  if (!Number.isInteger(resolved.timeZoneOffsetMinutes) || Math.abs(resolved.timeZoneOffsetMinutes) > 14 * 60) {
    throw new RangeError('timeZoneOffsetMinutes must be a whole number of minutes within ±14 hours');
  }
  return resolved;
}

/**
 * Reads a chat-log export into messages, without I/O and deterministically (the same input
 * always gives the same output, which re-import deduplication relies on).
 *
 * Throws ImportTooLargeError before parsing when the content exceeds `maxBytes` (UTF-8), or
 * as soon as it passes `maxMessages`; ImportParseError naming the first line that is not the
 * declared format, when AUTO recognises no format (line 1), or when there are no messages.
 */
export function parseChatLog(content: string, format: ChatLogFormat | 'AUTO', options: ParseOptions = {}): ParseResult {
  const resolved = resolveOptions(options);
  if (Buffer.byteLength(content, 'utf8') > resolved.maxBytes) throw new ImportTooLargeError('bytes', resolved.maxBytes);
  if (stripByteOrderMark(content).trim() === '') throw new ImportParseError(1, 'the file is empty');

  const chosen = format === 'AUTO' ? detectChatLogFormat(content) : format;
  if (chosen === null) {
    throw new ImportParseError(1, 'unrecognised chat export format (expected a WhatsApp or LINE .txt export, a Telegram result.json, or "Name: message" lines)');
  }
  const result = PARSERS[chosen](content, resolved);
  if (result.messages.length === 0) throw new ImportParseError(1, 'the export contains no messages');
  return result;
}
