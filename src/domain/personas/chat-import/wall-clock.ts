export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Exports write the local wall-clock time of the exporting phone with no zone. The caller
 * says which UTC offset that clock had; the instant is that wall time minus the offset.
 * Returns null for a time that does not exist on the calendar (31 February, 25:00), so the
 * parser can name the line instead of silently rolling the date over.
 */
export function wallClockToDate(clock: WallClock, offsetMinutes: number): Date | null {
  const { year, month, day, hour, minute, second } = clock;
  const inRange =
    Number.isInteger(year) && year >= 1970 && year <= 9999 &&
    month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
    hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
  if (!inRange) return null;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}
