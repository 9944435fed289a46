/**
 * Half-day markers as exports write them: English "AM"/"p.m." after the time, Chinese
 * 上午/下午 and Japanese 午前/午後 before it (LINE and WhatsApp in those locales).
 */
export const HALF_DAY_PREFIX = '上午|下午|中午|凌晨|早上|晚上|午前|午後';

const MORNING = new Set(['上午', '凌晨', '早上', '午前']);
const AFTERNOON = new Set(['下午', '中午', '晚上', '午後']);

/**
 * The 24-hour hour for a clock reading, or null when it cannot be one (13 PM, 24:00).
 * `marker` is the half-day marker if the export used a 12-hour clock.
 */
export function toTwentyFourHour(hour: number, marker: string | undefined): number | null {
  if (marker === undefined || marker === '') return hour >= 0 && hour <= 23 ? hour : null;
  const letter = marker.trim().charAt(0).toLowerCase();
  const isMorning = letter === 'a' || MORNING.has(marker);
  const isAfternoon = letter === 'p' || AFTERNOON.has(marker);
  if (!isMorning && !isAfternoon) return null;
  // Some locales print 00:15 with a marker ("上午00:15"); treat 0 like 12 on a 12-hour dial.
  if (hour < 0 || hour > 12) return null;
  const onDial = hour % 12;
  return isAfternoon ? onDial + 12 : onDial;
}
