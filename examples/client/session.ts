import { LoginDocument, RefreshSessionDocument, RegisterDocument, type LoginMutation, type RegisterInput } from '../../graphql/generated/graphql';
import { SoulLinkError, type AccessTokenSource, type SoulLinkClient } from './soullink-client';

type Tokens = LoginMutation['login'];
export type SignedInUser = Tokens['user'];

export interface SessionOptions {
  /**
   * How long before the access token expires to refresh it, at most; capped at a quarter of
   * the token's lifetime so short-lived tokens are not refreshed the moment they arrive.
   */
  refreshLeadMs?: number;
  /**
   * Refresh on a timer (default true). Off, the session refreshes only when the server refuses
   * the access token — for hosts that sleep through timers anyway.
   */
  refreshTimer?: boolean;
}

/** A token's lifetime in ms, from its own `iat` and `exp`. */
function lifetimeMs(accessToken: string): number {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown; exp?: unknown };
  if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') throw new Error('access token without iat/exp');
  // exp − iat are both the server's clock, so a client clock that is off does not matter.
  return (payload.exp - payload.iat) * 1000;
}

/**
 * A signed-in session: holds the access and refresh tokens, refreshes the access token shortly
 * before it expires (a timer read from the token's `exp`) or when the server refused it, and
 * tells listeners (the live socket reconnects with the new token). Refresh tokens are single
 * use and reusing one revokes the session, so refreshes never overlap.
 */
export class Session implements AccessTokenSource {
  private tokens: Tokens;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<boolean>;
  private closed = false;
  private readonly listeners = new Set<(accessToken: string) => void>();
  /** Refreshes done so far. */
  refreshes = 0;
  /** The client signed in as this session. */
  readonly client: SoulLinkClient;

  private constructor(
    private readonly anonymous: SoulLinkClient,
    tokens: Tokens,
    private readonly options: SessionOptions,
  ) {
    this.tokens = tokens;
    this.client = anonymous.withAuth(this);
    this.schedule();
  }

  static async signIn(client: SoulLinkClient, email: string, password: string, options: SessionOptions = {}): Promise<Session> {
    const { login } = await client.request(LoginDocument, { input: { email, password } });
    return new Session(client, login, options);
  }

  static async register(client: SoulLinkClient, input: RegisterInput, options: SessionOptions = {}): Promise<Session> {
    const { register } = await client.request(RegisterDocument, { input });
    return new Session(client, register, options);
  }

  get accessToken(): string {
    return this.tokens.accessToken;
  }

  get user(): SignedInUser {
    return this.tokens.user;
  }

  /** Calls `listener` with each new access token; returns the unsubscribe. */
  onRefresh(listener: (accessToken: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Trades the refresh token for new tokens; concurrent callers share one refresh. */
  renew(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Stops the refresh timer (the tokens stay valid until they expire; `logout` ends them). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async refresh(): Promise<boolean> {
    try {
      const { refreshSession } = await this.anonymous.request(RefreshSessionDocument, { input: { refreshToken: this.tokens.refreshToken } });
      this.tokens = refreshSession;
    } catch (err) {
      // UNAUTHENTICATED here means the session is over (revoked, refresh token expired): give up.
      // Anything else (network, 5xx) may pass: try again shortly, the old token may still work.
      if (!(err instanceof SoulLinkError && err.code === 'UNAUTHENTICATED') && !this.closed) this.schedule(5_000);
      return false;
    }
    this.refreshes += 1;
    this.schedule();
    for (const listener of this.listeners) listener(this.tokens.accessToken);
    return true;
  }

  private schedule(delayMs?: number): void {
    clearTimeout(this.timer);
    if (this.closed || this.options.refreshTimer === false) return;
    const lifetime = lifetimeMs(this.tokens.accessToken);
    const lead = Math.min(this.options.refreshLeadMs ?? 60_000, lifetime / 4);
    this.timer = setTimeout(() => void this.renew(), delayMs ?? lifetime - lead);
    // A pending refresh alone does not keep a finished script running.
    this.timer.unref();
  }
}
