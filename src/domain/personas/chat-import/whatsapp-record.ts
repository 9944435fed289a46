import { startsWithLeftToRightMark, withoutInvisibleMarks } from './source-lines';

export type WhatsAppRecord = { type: 'system' } | { type: 'message'; sender: string; text: string };

/**
 * Group events that quote user-chosen text, which may itself contain ": " and so look like
 * `Name: text` (`Alex changed the subject from "Trip" to "Trip: Japan"`). English and
 * Chinese wording of the notices that do this.
 */
const QUOTING_NOTICES = [
  /\bchanged the (?:subject|group name|group description)\b/i,
  /\bcreated group\b/i,
  /\bchanged this group's\b/i,
  /(?:创建了群组|更改了群组名称|将群组名称更改为|更改了群组描述|建立了群組|更改了群組名稱|將群組名稱更改為)/,
];

/**
 * Tells a message (`Name: text`) from a system notice after the timestamp. Android notices
 * have no `Name:`; iOS group notices start with a left-to-right mark. (iOS notices that are
 * attributed to a name, `Name: ‎Messages and calls are…`, are caught by the body reader.)
 */
export function readWhatsAppRecord(content: string): WhatsAppRecord {
  if (startsWithLeftToRightMark(content)) return { type: 'system' };
  const match = /^(.+?):(?:\s(.*))?$/.exec(content);
  if (!match) return { type: 'system' };
  const sender = withoutInvisibleMarks(match[1]!).trim();
  if (sender === '' || QUOTING_NOTICES.some((notice) => notice.test(sender))) return { type: 'system' };
  return { type: 'message', sender, text: match[2] ?? '' };
}
