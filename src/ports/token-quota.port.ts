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
