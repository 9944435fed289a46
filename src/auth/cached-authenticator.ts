import { ChangeSetType, ReferenceKind, type EntityData, type EventSubscriber, type FlushEventArgs, type TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AccessTokens } from '../domain/accounts/access-tokens';
import { AuthSession } from '../domain/accounts/auth-session.entity';
import { authenticate, type Principal } from '../domain/accounts/authenticate';
import { SESSION_REVOCATIONS_TOPIC, type SessionRevocationNotice } from '../domain/accounts/session-revocations';
import { User } from '../domain/accounts/user.entity';
import type { Logger } from '../observability/logger';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { RawAccountWrites } from '../ports/raw-account-writes.port';
import type { RequestAuthenticator } from '../ports/request-authenticator.port';
import { SessionCache } from './session-cache';
import { VerifiedAccessTokens } from './verified-access-tokens';

/**
 * Users or sessions whose rows this API instance changed through the ORM, for the other
 * instances' caches (the instance itself forgets them as it flushes).
 */
export const ACCOUNT_ROWS_CHANGED_TOPIC = 'account-rows-changed';

interface AccountRowsChanged {
  userIds: string[];
  sessionIds: string[];
}

/**
 * How long a session read from PostgreSQL may answer without being read again. Notices end
 * entries at once (below); this only bounds what no notice reaches: a pub/sub message lost
 * while Redis reconnects, a row changed outside this ORM by another process (a CLI, raw SQL),
 * a session reaching its expiry time while cached.
 */
export const SESSION_CACHE_TTL_MS = 2_000;
const SESSION_CACHE_ENTRIES = 10_000;

type UserData = Record<string, unknown>;

/**
 * Access-token authentication for HTTP and websockets, as domain/accounts/authenticate does
 * it, with what repeats between one client's requests remembered: the token's verified claims
 * (VerifiedAccessTokens) and, for SESSION_CACHE_TTL_MS, the active session's user row, so a
 * client's burst of requests costs one PostgreSQL lookup instead of one each.
 *
 * A revoked session or a changed or erased user must still be refused or seen at once, so a
 * cached session is forgotten, on every instance, when:
 * - the session ends (logout, refresh-token reuse, password change or reset, erasure): the
 *   session-revocations notice every instance already hears (revoke-session.ts,
 *   session-revocations.ts), and locally as the AuthSession row is flushed;
 * - the user's or the session's row changes through the ORM (profile, tier, role, password,
 *   email verification): forgotten in this process before the flush returns, and announced
 *   on ACCOUNT_ROWS_CHANGED_TOPIC for the others;
 * - this process sends any other statement that writes those rows (raw SQL, nativeUpdate:
 *   an operator's fix, erasure's deletes), as RawAccountWrites tells (the ORM's onQuery hook,
 *   set when the composition root builds the ORM): the whole cache is dropped and nothing is
 *   stored for a TTL, since such a write's rows and commit are not known.
 * Writes by processes that are not API servers, outside any of these paths, are seen within
 * SESSION_CACHE_TTL_MS.
 *
 * Built once by the composition root, which calls `start` (the subscriptions and the ORM
 * hooks; the constructor does no I/O) and `close` with the app. Until `start` has both topics
 * subscribed, after `close`, or if listening fails, nothing is cached: every request reads its
 * session.
 *
 * Every request still gets its own managed User in its own EntityManager (merged from a copy
 * of the cached row), exactly as a fresh lookup gives it.
 */
export class CachedAuthenticator implements RequestAuthenticator {
  private readonly tokens: VerifiedAccessTokens;
  private readonly memoTokens: AccessTokens;
  private readonly sessions = new SessionCache<UserData>(SESSION_CACHE_TTL_MS, SESSION_CACHE_ENTRIES);
  private readonly userProps: string[];
  private readonly cacheSessions: boolean;
  private listening = false;
  private started = false;
  private closed = false;
  private readonly stops: (() => Promise<void>)[] = [];
  /** Rows changed inside a transaction, forgotten again once it commits (a read meanwhile saw the old row). */
  private readonly inTransaction = new WeakMap<object, AccountRowsChanged>();

  constructor(
    private readonly deps: { orm: MikroORM; accessTokens: AccessTokens; clock: Clock; events: EventBus; logger: Logger; rawAccountWrites: RawAccountWrites },
    options: { cacheSessions?: boolean } = {},
  ) {
    this.cacheSessions = options.cacheSessions ?? true;
    this.tokens = new VerifiedAccessTokens(deps.accessTokens, deps.clock);
    this.memoTokens = this.tokens.asAccessTokens();
    this.userProps = deps.orm
      .getMetadata()
      .get(User.name)
      .props.filter((p) => p.persist !== false && !p.formula && p.kind === ReferenceKind.SCALAR)
      .map((p) => p.name);
  }

  /** Verifies an access token and finds its active session; throws UNAUTHENTICATED as authenticate does. */
  async authenticate(em: EntityManager, token: string): Promise<Principal> {
    const claims = await this.tokens.verify(token);
    const cached = this.listening ? this.sessions.get(claims.sessionId) : undefined;
    if (cached && cached.userId === claims.userId) {
      return { user: em.merge(User, copyOf(cached.user) as EntityData<User>, { refresh: true }), sessionId: claims.sessionId };
    }
    const generation = this.sessions.begin();
    const principal = await authenticate({ accessTokens: this.memoTokens, clock: this.deps.clock }, em, token);
    if (this.listening) this.sessions.store(claims.sessionId, { userId: principal.user.id, user: this.snapshot(principal.user) }, generation);
    return principal;
  }

  /**
   * Starts listening: the session-revocations and account-rows-changed topics, the ORM's flush
   * events and raw account writes. Sessions are cached from when it returns; it does not throw
   * (if listening fails, that is logged and nothing is cached).
   */
  async start(): Promise<void> {
    if (this.started || this.closed || !this.cacheSessions) return;
    this.started = true;
    await this.listen();
  }

  /** Stops listening and forgets every cached session. */
  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.sessions.clear();
    await Promise.all(this.stops.map((stop) => stop()));
  }

  private snapshot(user: User): UserData {
    const data: UserData = {};
    for (const name of this.userProps) data[name] = (user as unknown as UserData)[name];
    return copyOf(data);
  }

  private forget(changed: AccountRowsChanged): void {
    for (const id of changed.sessionIds) this.sessions.forgetSession(id);
    for (const id of changed.userIds) this.sessions.forgetUser(id);
  }

  private async listen(): Promise<void> {
    const { events, orm, logger, rawAccountWrites } = this.deps;
    const fail = (err: unknown) => {
      this.listening = false;
      this.sessions.clear();
      if (!this.closed) logger.error({ err }, 'session cache stopped listening for ended sessions; every request reads its session again');
    };
    try {
      const revocations = await events.subscribe<SessionRevocationNotice>(SESSION_REVOCATIONS_TOPIC);
      this.stops.push(async () => void (await revocations.return?.()));
      const changes = await events.subscribe<AccountRowsChanged>(ACCOUNT_ROWS_CHANGED_TOPIC);
      this.stops.push(async () => void (await changes.return?.()));
      void (async () => {
        for await (const notice of revocations) {
          if (notice.sessionId === null) this.sessions.forgetUser(notice.userId);
          else this.sessions.forgetSession(notice.sessionId);
        }
      })().catch(fail);
      void (async () => {
        for await (const changed of changes) this.forget(changed);
      })().catch(fail);
      orm.em.getEventManager().registerSubscriber(this.flushWatcher());
      const stopRawWrites = rawAccountWrites.onWrite(() => {
        if (!this.closed) this.sessions.suspend(SESSION_CACHE_TTL_MS);
      });
      this.stops.push(async () => stopRawWrites());
      // Closed while subscribing: close() ran before these were there to stop.
      if (this.closed) await Promise.all(this.stops.map((stop) => stop()));
      else this.listening = true;
    } catch (err) {
      fail(err);
    }
  }

  /** Forgets sessions whose rows this process changes, as they are written and again once committed, and tells the other instances. */
  private flushWatcher(): EventSubscriber {
    const changedIn = (args: FlushEventArgs): AccountRowsChanged | undefined => {
      const changed: AccountRowsChanged = { userIds: [], sessionIds: [] };
      for (const cs of args.uow.getChangeSets()) {
        if (cs.type !== ChangeSetType.UPDATE && cs.type !== ChangeSetType.DELETE) continue;
        if (cs.entity instanceof User) changed.userIds.push(cs.entity.id);
        else if (cs.entity instanceof AuthSession) changed.sessionIds.push(cs.entity.id);
      }
      return changed.userIds.length + changed.sessionIds.length > 0 ? changed : undefined;
    };
    const announce = (changed: AccountRowsChanged) =>
      this.deps.events.publish(ACCOUNT_ROWS_CHANGED_TOPIC, changed).catch((err: unknown) => this.deps.logger.warn({ err }, 'could not announce changed account rows to other instances'));
    return {
      onFlush: (args) => {
        if (this.closed) return;
        const changed = changedIn(args);
        if (!changed) return;
        this.forget(changed);
        const trx = args.em.getTransactionContext();
        if (trx) {
          const pending = this.inTransaction.get(trx) ?? { userIds: [], sessionIds: [] };
          pending.userIds.push(...changed.userIds);
          pending.sessionIds.push(...changed.sessionIds);
          this.inTransaction.set(trx, pending);
        }
      },
      // Awaited by the flush: the other instances have heard before the change's request answers.
      afterFlush: async (args) => {
        if (this.closed) return;
        const changed = changedIn(args);
        if (!changed) return;
        this.forget(changed);
        await announce(changed);
      },
      afterTransactionCommit: async (args: TransactionEventArgs) => {
        const pending = !this.closed && args.transaction ? this.inTransaction.get(args.transaction) : undefined;
        if (!pending) return;
        this.inTransaction.delete(args.transaction!);
        this.forget(pending);
        await announce(pending);
      },
    };
  }
}

/** A copy whose dates are not shared with the cache (entities may be changed by the request). */
function copyOf(data: UserData): UserData {
  const copy: UserData = {};
  for (const [key, value] of Object.entries(data)) copy[key] = value instanceof Date ? new Date(value.getTime()) : value;
  return copy;
}
