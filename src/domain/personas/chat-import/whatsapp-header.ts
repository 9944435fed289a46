import { HALF_DAY_PREFIX } from './clock-hour';
import type { DateFields } from './date-order';

/** Android writes `31/12/2023, 21:41 - Name: text`; iOS writes `[31/12/2023, 21:41:05] Name: text`. */
export type WhatsAppVariant = 'android' | 'ios';

/** The timestamp that opens every WhatsApp record, split into the parts the locale printed. */
export interface WhatsAppHeader {
  variant: WhatsAppVariant;
  /** The timestamp as written, for error messages. */
  stamp: string;
  date: DateFields;
  hour: number;
  minute: number;
  second: number;
  /** "PM", "a. m.", 下午… when the phone used a 12-hour clock. */
  halfDay: string | undefined;
  /** Everything after the timestamp: `Name: text`, or a system notice. */
  content: string;
}

// Date fields in the locale's order with one separator ("12/31/23", "31.12.2023", "2023/12/31"),
// then the time: 24-hour or 12-hour, with a marker before (下午9:41) or after (9:41 PM,
// recent Android puts a narrow no-break space before PM; Spanish writes "p. m.").
const STAMP = String.raw`(?<stamp>(?<a>\d{1,4})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<c>\d{1,4}),?\s+(?:(?<prefix>${HALF_DAY_PREFIX})\s?)?(?<hour>\d{1,2})[:.](?<minute>\d{2})(?:[:.](?<second>\d{2}))?(?:\s*(?<suffix>[AaPp]\.?\s?[Mm]\.?))?)`;

const ANDROID = new RegExp(String.raw`^${STAMP}\s[-–](?:\s(?<content>.*))?$`);
// iOS puts a left-to-right mark before the bracket on system and media lines.
const IOS = new RegExp(String.raw`^[\u200e\u200f]*\[${STAMP}\](?:\s(?<content>.*))?$`);

export function matchWhatsAppHeader(line: string): WhatsAppHeader | null {
  const ios = IOS.exec(line);
  const match = ios ?? ANDROID.exec(line);
  const groups = match?.groups;
  if (!groups) return null;
  return {
    variant: ios ? 'ios' : 'android',
    stamp: groups.stamp!,
    date: [groups.a!, groups.b!, groups.c!],
    hour: Number(groups.hour),
    minute: Number(groups.minute),
    second: groups.second === undefined ? 0 : Number(groups.second),
    halfDay: groups.prefix ?? groups.suffix,
    content: groups.content ?? '',
  };
}
