/** What sign-in and refresh answer (AuthPayload). */
export interface DemoTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

/** Refreshes this long before the access token expires, so a request in flight does not outlive it. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The quick start's sign-in, kept alive as a client app would keep it: the access token lives
 * 15 minutes and the demo can take longer on a slow machine (the offline model), so each call
 * asks for the token and gets a refreshed one once the old is close to its expiry.
 */
export class DemoSession {
  private refreshing: Promise<void> | null = null;

  constructor(
    private tokens: DemoTokens,
    private readonly refresh: (refreshToken: string) => Promise<DemoTokens>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A current access token. */
  async accessToken(): Promise<string> {
    if (Date.parse(this.tokens.accessTokenExpiresAt) - this.now() < REFRESH_MARGIN_MS) {
      // One refresh for concurrent callers: a refresh token works once.
      this.refreshing ??= this.refresh(this.tokens.refreshToken)
        .then((tokens) => {
          this.tokens = tokens;
        })
        .finally(() => {
          this.refreshing = null;
        });
      await this.refreshing;
    }
    return this.tokens.accessToken;
  }
}
