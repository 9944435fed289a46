/** The calendar month (UTC) a moment falls in, as YYYY-MM: the period of monthly allowances. */
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
