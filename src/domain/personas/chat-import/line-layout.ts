import { HALF_DAY_PREFIX } from './clock-hour';
import type { DateFields } from './date-order';

/** `[LINE] Chat history with Alice`, `[LINE] 与Alice的聊天记录`, `[LINE] Aliceとのトーク履歴`… */
export function isLineTitle(line: string): boolean {
  return /^\[LINE\]/.test(line.trim());
}

/** `Saved on: 2024/01/02 10:15`, `保存日期：2024/01/02 10:15`, `儲存日期：…`, `保存日時：…` under the title. */
export function isLineSavedOn(line: string): boolean {
  return /^[^\t:：]{1,30}[:：]\s*(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})/.test(line.trim());
}

// A weekday after the date, in brackets or not: "(Sun)", "（周日）", "（日）", " Sunday", "周五".
const WEEKDAY_AFTER = String.raw`(?:,?\s*(?:[(（][^)）]{1,12}[)）]|\p{L}{1,12}\.?))?`;
const YEAR_FIRST = new RegExp(String.raw`^(?<y>\d{4})[./-](?<a>\d{1,2})[./-](?<b>\d{1,2})${WEEKDAY_AFTER}$`, 'u');
// English Android: "Sun, 12/31/2023"; some versions drop the weekday or put it after.
const YEAR_LAST = new RegExp(String.raw`^(?:\p{L}{2,12}\.?,?\s+)?(?<a>\d{1,2})\/(?<b>\d{1,2})\/(?<y>\d{4})${WEEKDAY_AFTER}$`, 'u');

/** A day separator line; fields in the order written (year-first lines are always Y/M/D). */
export function matchLineDate(line: string): DateFields | null {
  const trimmed = line.trim();
  const yearFirst = YEAR_FIRST.exec(trimmed)?.groups;
  if (yearFirst) return [yearFirst.y!, yearFirst.a!, yearFirst.b!];
  const yearLast = YEAR_LAST.exec(trimmed)?.groups;
  if (yearLast) return [yearLast.a!, yearLast.b!, yearLast.y!];
  return null;
}

export interface LineEntry {
  /** The time as written, for error messages. */
  time: string;
  hour: number;
  minute: number;
  halfDay: string | undefined;
  /** Empty for system notices, which LINE writes without a sender column. */
  sender: string;
  text: string;
}

// "21:41", "09:41PM", "9:41 PM", "下午09:41", "午後9:41", then a tab.
const ENTRY = new RegExp(
  String.raw`^(?<time>(?:(?<prefix>${HALF_DAY_PREFIX})\s?)?(?<hour>\d{1,2}):(?<minute>\d{2})(?:\s?(?<suffix>[AaPp][Mm]))?)\t(?<rest>.*)$`,
);

/** A `time<TAB>sender<TAB>text` line, or a `time<TAB><TAB>notice` / `time<TAB>notice` system line. */
export function matchLineEntry(line: string): LineEntry | null {
  const groups = ENTRY.exec(line)?.groups;
  if (!groups) return null;
  const rest = groups.rest!;
  const tab = rest.indexOf('\t');
  return {
    time: groups.time!,
    hour: Number(groups.hour),
    minute: Number(groups.minute),
    halfDay: groups.prefix ?? groups.suffix,
    sender: tab < 0 ? '' : rest.slice(0, tab).trim(),
    text: tab < 0 ? rest : rest.slice(tab + 1),
  };
}
