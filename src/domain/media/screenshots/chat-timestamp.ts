/**
 * Parses the centred time and date separators chat apps draw between messages (WeChat, LINE,
 * WhatsApp, iMessage; Chinese and English): "10:32", "昨天 21:14", "下午3:05", "星期二 09:12",
 * "3月5日 10:32", "2024年3月5日 上午10:32", "Yesterday 9:41 PM", "Mon 10:32", "3/5/24 10:32 AM",
 * "2024-03-05 10:32". Dates without a year, relative days and weekdays are read against
 * `reference` (when the screenshot was uploaded), in the user's clock (`offsetMinutes` east of
 * UTC). Returns null for anything else.
 */
export function parseChatTimestamp(raw: string, reference: Date, offsetMinutes: number): Date | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const local = new Date(reference.getTime() + offsetMinutes * 60_000);
  const today = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), weekday: local.getUTCDay() };

  const time = String.raw`(?:(上午|中午|下午|晚上|凌晨|早上|傍晚)\s?)?(\d{1,2})[:：](\d{2})(?:\s?([AaPp])\.?[Mm]\.?)?`;
  const patterns: { re: RegExp; day: (m: RegExpExecArray) => { y: number; m: number; d: number } | null; timeAt: number }[] = [
    { re: new RegExp(`^${time}$`), day: () => today, timeAt: 1 },
    {
      re: new RegExp(`^(昨天|前天|今天|Yesterday|Today)\\s?${time}$`, 'i'),
      day: (m) => shift(today, /^(昨天|yesterday)$/i.test(m[1]!) ? -1 : m[1] === '前天' ? -2 : 0),
      timeAt: 2,
    },
    {
      re: new RegExp(`^(星期[一二三四五六日天]|周[一二三四五六日天]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s?${time}$`, 'i'),
      day: (m) => lastWeekday(today, weekdayOf(m[1]!)),
      timeAt: 2,
    },
    { re: new RegExp(`^(\\d{4})[年/.-](\\d{1,2})[月/.-](\\d{1,2})日?(?:\\s?${time})?$`), day: (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! }), timeAt: 4 },
    { re: new RegExp(`^(\\d{1,2})月(\\d{1,2})日(?:\\s?${time})?$`), day: (m) => ({ y: today.y, m: +m[1]!, d: +m[2]! }), timeAt: 3 },
    // US order, as English WeChat and iMessage write it.
    { re: new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4}),?(?:\\s?${time})?$`), day: (m) => ({ y: fullYear(+m[3]!), m: +m[1]!, d: +m[2]! }), timeAt: 4 },
  ];
  for (const p of patterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    const day = p.day(m);
    if (!day) return null;
    const [period, hh, mm, ampm] = [m[p.timeAt], m[p.timeAt + 1], m[p.timeAt + 2], m[p.timeAt + 3]];
    let hour = hh === undefined ? 0 : Number(hh);
    const minute = mm === undefined ? 0 : Number(mm);
    if (hour > 23 || minute > 59 || day.m < 1 || day.m > 12 || day.d < 1 || day.d > 31) return null;
    if ((period && /下午|晚上|傍晚/.test(period)) || ampm?.toLowerCase() === 'p') hour = hour < 12 ? hour + 12 : hour;
    if ((period === '凌晨' || ampm?.toLowerCase() === 'a') && hour === 12) hour = 0;
    if (period === '中午' && hour < 11) hour += 12;
    return new Date(Date.UTC(day.y, day.m - 1, day.d, hour, minute) - offsetMinutes * 60_000);
  }
  return null;
}

function shift(day: { y: number; m: number; d: number }, days: number) {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The most recent given weekday before today (chat apps name days of the past week). */
function lastWeekday(today: { y: number; m: number; d: number; weekday: number }, weekday: number) {
  const back = (today.weekday - weekday + 7) % 7 || 7;
  return shift(today, -back);
}

function weekdayOf(name: string): number {
  const zh = '日一二三四五六';
  const last = name.at(-1)!;
  if (/^(星期|周)/.test(name)) return last === '天' ? 0 : zh.indexOf(last);
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name.slice(0, 3).toLowerCase());
}

function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}
