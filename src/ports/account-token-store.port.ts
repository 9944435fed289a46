/** What an emailed one-time token is for (an invitation is a PASSWORD_RESET token with a longer life). */
export type AccountTokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION';

/**
 * The one-time tokens of the emailed account flows (reset, verification, invitation), by the
 * SHA-256 of the token (hex): the token itself is never stored. Each method's statements run
 * on their own, outside any unit of work of the caller's.
 */
export interface AccountTokenStore {
  /**
   * Stores a new token for the user; the user's earlier unused tokens of the same purpose
   * stop working, so only the latest email's link does.
   */
  issue(token: { hashHex: string; userId: string; purpose: AccountTokenPurpose; expiresAt: Date }, now: Date): Promise<void>;
  /**
   * Spends a token in one conditional statement, so two concurrent uses cannot both succeed.
   * Returns its user's id, or null when the token is unknown, used, expired at `now` or for
   * another purpose. `now` is the business clock's (the Clock port), as for the expiry written.
   */
  consume(hashHex: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null>;
}
