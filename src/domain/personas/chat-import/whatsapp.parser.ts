import type { ParseResult, ResolvedParseOptions } from './chat-log.types';
import { toTwentyFourHour } from './clock-hour';
import { type DateOrder, inferDateOrder, readDateFields } from './date-order';
import { ImportParseError } from './import-parse.error';
import { MessageCollector } from './message-collector';
import { toSourceLines } from './source-lines';
import { wallClockToDate } from './wall-clock';
import { readWhatsAppBody } from './whatsapp-body';
import { readWhatsAppRecord } from './whatsapp-record';
import { type WhatsAppHeader, type WhatsAppVariant, matchWhatsAppHeader } from './whatsapp-header';

const EXPECTED = 'expected a WhatsApp line such as "31/12/2023, 21:41 - Name: text" or "[31/12/2023, 21:41:05] Name: text"';

/** A record being read: a message, or a notice whose continuation lines are dropped with it. */
type OpenRecord = { type: 'system' } | { type: 'message'; line: number; sender: string; sentAt: Date; lines: string[] };

function sentAtOf(header: WhatsAppHeader, order: DateOrder, offsetMinutes: number, line: number): Date {
  const date = readDateFields(header.date, order);
  const hour = toTwentyFourHour(header.hour, header.halfDay);
  const sentAt = date && hour !== null ? wallClockToDate({ ...date, hour, minute: header.minute, second: header.second }, offsetMinutes) : null;
  if (!sentAt) throw new ImportParseError(line, `"${header.stamp}" is not a valid date and time`);
  return sentAt;
}

/**
 * WhatsApp "Export chat" text (Android and iOS). Each record starts with a timestamp; lines
 * without one continue the record above (multi-line messages). Only the variant of the
 * first record counts as a timestamp, so a pasted line from the other variant stays text.
 */
export function parseWhatsApp(source: string, options: ResolvedParseOptions): ParseResult {
  const lines = toSourceLines(source);
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const first = firstIndex < 0 ? null : matchWhatsAppHeader(lines[firstIndex]!);
  if (!first) throw new ImportParseError(firstIndex + 1 || 1, EXPECTED);
  const variant: WhatsAppVariant = first.variant;

  const headers = lines.map((line) => {
    const header = matchWhatsAppHeader(line);
    return header?.variant === variant ? header : null;
  });
  // US-style locales are the ones that default to a 12-hour clock.
  const order = inferDateOrder(
    headers.flatMap((header) => (header ? [header.date] : [])),
    first.halfDay !== undefined ? 'MDY' : 'DMY',
  );

  const collector = new MessageCollector(options.maxMessages);
  let open: OpenRecord | null = null;
  const close = (): void => {
    if (open === null) return;
    const body = open.type === 'message' ? readWhatsAppBody(open.lines, variant) : null;
    if (open.type === 'message' && body) collector.add({ line: open.line, sender: open.sender, sentAt: open.sentAt, ...body });
    else collector.skipSystemLine();
  };

  for (let index = firstIndex; index < lines.length; index++) {
    const header = headers[index];
    if (!header) {
      // firstIndex holds a header, so a record is always open here.
      if (open?.type === 'message') open.lines.push(lines[index]!);
      continue;
    }
    close();
    const sentAt = sentAtOf(header, order, options.timeZoneOffsetMinutes, index + 1);
    const record = readWhatsAppRecord(header.content);
    open = record.type === 'message' ? { type: 'message', line: index + 1, sender: record.sender, sentAt, lines: [record.text] } : { type: 'system' };
  }
  close();
  return collector.result('WHATSAPP');
}
