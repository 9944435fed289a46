/**
 * Monthly token allowance per subscription tier, by the tier's name as stored on the user
 * (BASIC, PREMIUM…). The composition root maps the domain's tier table into it, so a store
 * needs no domain import to know the limits.
 */
export type MonthlyTokenLimits = Readonly<Record<string, number>>;

/** A hold on part of a user's monthly token allowance, settled after the call. */
export interface QuotaReservation {
  settle(actualTokens: number): Promise<void>;
}

/**
 * Monthly token allowance per user. `reserve` fails with QUOTA_EXCEEDED before any model is
 * called when the estimate does not fit; `settle` replaces the estimate with actual use.
 */
export interface TokenQuota {
  reserve(userId: string, estimatedTokens: number): Promise<QuotaReservation>;
}
