import type { ParseResult, ResolvedParseOptions } from './chat-log.types';
import { toTwentyFourHour } from './clock-hour';
import { type DateFields, inferDateOrder, readDateFields } from './date-order';
import { ImportParseError } from './import-parse.error';
import { isLineNotice, lineMediaKind } from './line-content';
import { isLineSavedOn, isLineTitle, matchLineDate, matchLineEntry } from './line-layout';
import { readQuotedMessage } from './line-quoted-message';
import { mediaPlaceholder } from './media-placeholder';
import { MessageCollector } from './message-collector';
import { toSourceLines } from './source-lines';
import { wallClockToDate } from './wall-clock';

const EXPECTED = 'expected a LINE export line: "[LINE] Chat history with …", a date such as "2023.12.31 Sunday", or "21:41<TAB>Name<TAB>text"';

type OpenEntry = { type: 'system' } | { type: 'message'; line: number; sender: string; sentAt: Date; lines: string[] };

/**
 * LINE "Send chat history" text: an optional title and saved-on line, then day separator
 * lines, each followed by `time<TAB>sender<TAB>text` entries. Lines that are neither continue
 * the entry above (multi-line messages that LINE did not quote).
 */
export function parseLine(source: string, options: ResolvedParseOptions): ParseResult {
  const lines = toSourceLines(source);
  const dates = lines.map(matchLineDate);
  // Year-first separators are unambiguous; "Sun, 12/31/2023" ones are US-style unless a day above 12 says otherwise.
  const yearLast = inferDateOrder(
    dates.filter((date): date is DateFields => date !== null && date[0].length !== 4),
    'MDY',
  );

  const collector = new MessageCollector(options.maxMessages);
  let day: { year: number; month: number; day: number } | null = null;
  let open: OpenEntry | null = null;
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  let seenTitle = false;
  const close = (): void => {
    if (open?.type === 'message') {
      const text = open.lines.join('\n').trim();
      const media = lineMediaKind(text);
      if (text === '') collector.skipSystemLine();
      else collector.add({ line: open.line, sender: open.sender, sentAt: open.sentAt, ...(media ? { kind: 'media', text: mediaPlaceholder(media) } : { kind: 'text', text }) });
    } else if (open?.type === 'system') collector.skipSystemLine();
    open = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNumber = index + 1;
    const entry = matchLineEntry(raw);
    if (entry) {
      close();
      if (!day) throw new ImportParseError(lineNumber, 'message before any date line');
      const hour = toTwentyFourHour(entry.hour, entry.halfDay);
      const sentAt = hour === null ? null : wallClockToDate({ ...day, hour, minute: entry.minute, second: 0 }, options.timeZoneOffsetMinutes);
      if (!sentAt) throw new ImportParseError(lineNumber, `"${entry.time}" is not a valid time`);
      if (entry.sender === '' || isLineNotice(entry.text)) {
        open = { type: 'system' };
        continue;
      }
      const quoted = readQuotedMessage(lines, index, entry.text);
      open = { type: 'message', line: lineNumber, sender: entry.sender, sentAt, lines: [quoted ? quoted.text : entry.text] };
      if (quoted) index = quoted.end;
      continue;
    }
    const date = dates[index];
    if (date) {
      close();
      day = readDateFields(date, date[0].length === 4 ? 'YMD' : yearLast);
      if (!day || !wallClockToDate({ ...day, hour: 0, minute: 0, second: 0 }, 0)) throw new ImportParseError(lineNumber, `"${raw.trim()}" is not a valid date`);
      continue;
    }
    if (open?.type === 'message') {
      open.lines.push(raw);
      continue;
    }
    if (open?.type === 'system' || raw.trim() === '') continue;
    // Nothing is open: only the title (first) and its saved-on line (before any day) may stand here.
    if (index === titleIndex && isLineTitle(raw)) seenTitle = true;
    else if (!(seenTitle && !day && isLineSavedOn(raw))) throw new ImportParseError(lineNumber, EXPECTED);
  }
  close();
  return collector.result('LINE');
}
