/** One user's model tokens of one calendar month, as the token quota counts them (token-quota.port.ts). */
export interface MonthlyTokenCount {
  /** Spent (prompt + completion). */
  used: number;
  /** Held by calls still running. */
  reserved: number;
}

/** Reads the token quota's monthly counts back (the quota itself only reserves and settles). */
export interface MonthlyTokenUsage {
  /** The user's count for `month` (YYYY-MM, UTC); zeros when nothing was counted. */
  ofMonth(userId: string, month: string): Promise<MonthlyTokenCount>;
}
