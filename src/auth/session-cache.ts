/** What one authenticated lookup found: the active session's user. */
export interface CachedSession<TUser> {
  userId: string;
  user: TUser;
}

/**
 * Sessions that were active when last read from PostgreSQL, for at most `ttlMs`, by session
 * id. Entries are dropped when a session ends or its user changes (`forgetSession`,
 * `forgetUser`); the TTL only bounds what no notice reaches (a pub/sub message lost while
 * Redis reconnects, a write made outside the ORM by another process).
 *
 * A read that raced with a change must not store what it read before the change: `begin()`
 * returns the current generation, every forget bumps it, and `store` is ignored when the
 * generation moved on meanwhile.
 */
export class SessionCache<TUser> {
  private readonly sessions = new Map<string, CachedSession<TUser> & { storedAt: number }>();
  private generation = 0;
  private storesBlockedUntil = -Infinity;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The session, if read lately and nothing said it changed since. */
  get(sessionId: string): CachedSession<TUser> | undefined {
    const entry = this.sessions.get(sessionId);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** The generation a read starts in; pass it to `store`. */
  begin(): number {
    return this.generation;
  }

  store(sessionId: string, session: CachedSession<TUser>, startedIn: number): void {
    if (startedIn !== this.generation || this.now() < this.storesBlockedUntil) return;
    if (this.sessions.size >= this.maxEntries) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(sessionId, { ...session, storedAt: this.now() });
  }

  forgetSession(sessionId: string): void {
    this.generation += 1;
    this.sessions.delete(sessionId);
  }

  /** Every session of the user (its row changed, or the account was erased). */
  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [sessionId, entry] of this.sessions) if (entry.userId === userId) this.sessions.delete(sessionId);
  }

  clear(): void {
    this.generation += 1;
    this.sessions.clear();
  }

  /**
   * Forgets everything and stores nothing for `ms`: a write is on its way whose rows are not
   * known and whose commit cannot be seen (a raw statement), so reads meanwhile may see the
   * old rows and must not be kept.
   */
  suspend(ms: number): void {
    this.clear();
    this.storesBlockedUntil = Math.max(this.storesBlockedUntil, this.now() + ms);
  }

  get size(): number {
    return this.sessions.size;
  }
}
